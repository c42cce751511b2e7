package dev.gatehouse.it.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import java.util.List;
import java.util.Locale;

/**
 * One test's part of the shared Samba domain: {@code OU=<name>} with {@code OU=People} and {@code OU=Groups} below
 * it and a bind account beside them, made as an AD administrator would with {@code samba-tool}. Names in a domain
 * are unique across OUs, so each test class uses its own.
 */
public final class SambaAdOrganization {

    public static final String BIND_PASSWORD = "Bind-account-passw0rd1";

    private final SambaAdServer samba;
    private final String name;
    private final String dn;

    private SambaAdOrganization(SambaAdServer samba, String name) {
        this.samba = samba;
        this.name = name;
        this.dn = "OU=" + name + "," + SambaAdServer.BASE_DN;
    }

    public static SambaAdOrganization create(SambaAdServer samba, String name) {
        SambaAdOrganization organization = new SambaAdOrganization(samba, name);
        samba.addOu("OU=" + name);
        samba.addOu("OU=People,OU=" + name);
        samba.addOu("OU=Groups,OU=" + name);
        samba.tool("user", "create", organization.bindName(), BIND_PASSWORD, "--userou=OU=" + name);
        return organization;
    }

    public String peopleDn() {
        return "OU=People," + dn;
    }

    public String groupsDn() {
        return "OU=Groups," + dn;
    }

    public String bindDn() {
        return "CN=" + bindName() + "," + dn;
    }

    /** The settings of an Active Directory source reading this OU over plain LDAP on loopback, preset filters. */
    public LdapSettings settings(String... urls) {
        LdapSchema schema = LdapSchema.ACTIVE_DIRECTORY;
        return new LdapSettings(List.of(urls), Transport.INSECURE_PLAIN, null, bindDn(), peopleDn(),
                schema.defaultUserFilter(), groupsDn(), schema.defaultGroupFilter(), schema);
    }

    /** A person in OU=People with a mail address at example.com; the CN is "given family", as AD makes it. */
    public void addUser(String userName, String givenName, String familyName, String password) {
        samba.tool("user", "create", userName, password, "--userou=OU=People,OU=" + name,
                "--given-name=" + givenName, "--surname=" + familyName,
                "--mail-address=" + userName + "@example.com");
    }

    public void addGroup(String group) {
        samba.tool("group", "add", group, "--groupou=OU=Groups,OU=" + name);
    }

    /** Members by sAMAccountName: users or groups. */
    public void addMembers(String group, String... members) {
        samba.tool("group", "addmembers", group, String.join(",", members));
    }

    /** pwdLastSet 0: the password must be changed before the next sign-in. */
    public void requirePasswordChange(String userDn) {
        try (LDAPConnection admin = samba.asAdmin()) {
            admin.modify(userDn, new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot expire the password of " + userDn + ": " + e.getMessage(), e);
        }
    }

    private String bindName() {
        return name.toLowerCase(Locale.ROOT) + "-bind";
    }
}
