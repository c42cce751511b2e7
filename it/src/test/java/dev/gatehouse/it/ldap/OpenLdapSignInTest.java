package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.ldap.LdapSync;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance B of the LDAP issue against a real OpenLDAP (slapd, started by the test): users and a group nested in
 * the group that holds an assignment sync into Gatehouse, with the nesting resolved by Gatehouse; the nested member
 * signs in with the directory password in Chromium and sees the role on the portal, through a first directory URL
 * that does not answer (failover); a wrong password shows its
 * message; a user deleted in the directory loses their session at the next sync.
 */
@ExtendWith({OpenLdapInstalled.class, ChromiumInstalled.class})
class OpenLdapSignInTest {

    private static final RequestContext SETUP = RequestContext.commandLine("openldap-sign-in-test");
    private static final String OU = "ou=signin," + OpenLdapServer.SUFFIX;
    private static final String BIND_DN = "cn=gatehouse," + OU;
    private static final String BIND_PASSWORD = "Bind-account-passw0rd";
    private static final String ALICE_PASSWORD = "Alice-directory-passw0rd";
    private static final String BOB_PASSWORD = "Bob-directory-passw0rd";
    private static final String ACCOUNT_ID = "111122223333";
    private static final String ROLE = "PowerUserAccess";

    @TempDir
    Path dataDir;

    @Test
    void theNestedMemberSignsInWithTheDirectoryPasswordAndADeletedUserLosesTheSessionAtTheNextSync()
            throws LDAPException, LDIFException {
        OpenLdapServer slapd = OpenLdapServer.shared();
        try (LDAPConnection root = slapd.asRoot()) {
            populate(root);
        }
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            CoreServices core = gatehouse.services().core();
            Actor admin = Actor.administratorCli();
            // The first URL answers nothing: every read and bind fails over to the second.
            core.identitySources().setLdap(new LdapSettings(List.of(deadUrl(), slapd.url()),
                    Transport.INSECURE_PLAIN, null,
                    BIND_DN, "ou=people," + OU, null, "ou=groups," + OU, null, LdapSchema.OPENLDAP), BIND_PASSWORD,
                    admin, SETUP);

            LdapSync.Report report = core.ldapSync().run(SETUP);
            assertThat(report.users()).isEqualTo(2);
            assertThat(report.groups()).isEqualTo(2);
            assertThat(core.identityStore().nestedGroups("staff")).extracting(Group::displayName)
                    .containsExactly("engineers");
            assertThat(core.identityStore().user("alice").passwordHash()).isNull();

            core.accessModel().createAccount(ACCOUNT_ID, "Development", "aws+dev@example.com", admin, SETUP);
            core.accessModel().createPermissionSet(new NewPermissionSet(ROLE, "Full access except IAM", "PT1H",
                    List.of("PowerUserAccess"), null, null, null, Map.of()), admin, SETUP);
            core.accessModel().assign(ACCOUNT_ID, ROLE, PrincipalType.GROUP, "staff", admin, SETUP);

            try (Chromium wrong = Chromium.start("openldap-wrong-password")) {
                wrong.open(gatehouse.startUrl());
                wrong.fill("username", "alice");
                wrong.fill("password", "not-her-password");
                wrong.press("Sign in");
                assertThat(wrong.pageText()).contains("The user name or password is incorrect.");
            }

            try (Chromium alice = Chromium.start("openldap-nested-member");
                 Chromium bob = Chromium.start("openldap-deleted-user")) {
                signIn(gatehouse, alice, "alice", ALICE_PASSWORD);
                assertThat(alice.pageText()).as("alice reaches staff's role through engineers")
                        .contains("Development", ACCOUNT_ID, ROLE);

                signIn(gatehouse, bob, "bob", BOB_PASSWORD);
                assertThat(bob.pageText()).contains("Development", ROLE);

                try (LDAPConnection root = slapd.asRoot()) {
                    root.delete("uid=bob,ou=people," + OU);
                }
                assertThat(core.ldapSync().run(SETUP).usersRemoved()).isEqualTo(1);

                bob.open(gatehouse.startUrl());
                assertThat(bob.currentUrl()).as("bob's session ended with the sync").contains("/signin");
                alice.open(gatehouse.startUrl());
                assertThat(alice.pageText()).contains(ROLE);
            }
        }
    }

    private static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "ldap://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signIn(RunningGatehouse gatehouse, Chromium chromium, String userName, String password) {
        chromium.open(gatehouse.startUrl());
        chromium.fill("username", userName);
        chromium.fill("password", password);
        chromium.press("Sign in");
    }

    /**
     * ou=signin with a bind account, alice in engineers, engineers and bob in staff (the group the assignment goes
     * to). Passwords are stored as {SSHA}.
     */
    private static void populate(LDAPConnection root) throws LDAPException, LDIFException {
        root.add("dn: " + OU, "objectClass: organizationalUnit", "ou: signin");
        root.add("dn: ou=people," + OU, "objectClass: organizationalUnit", "ou: people");
        root.add("dn: ou=groups," + OU, "objectClass: organizationalUnit", "ou: groups");
        root.add("dn: " + BIND_DN, "objectClass: organizationalRole", "objectClass: simpleSecurityObject",
                "cn: gatehouse", "userPassword: " + OpenLdapServer.ssha(BIND_PASSWORD));
        root.add("dn: uid=alice,ou=people," + OU, "objectClass: inetOrgPerson", "uid: alice", "cn: Alice Liddell",
                "givenName: Alice", "sn: Liddell", "mail: alice@example.com",
                "userPassword: " + OpenLdapServer.ssha(ALICE_PASSWORD));
        root.add("dn: uid=bob,ou=people," + OU, "objectClass: inetOrgPerson", "uid: bob", "cn: Bob Builder",
                "givenName: Bob", "sn: Builder", "mail: bob@example.com",
                "userPassword: " + OpenLdapServer.ssha(BOB_PASSWORD));
        root.add("dn: cn=engineers,ou=groups," + OU, "objectClass: groupOfNames", "cn: engineers",
                "member: uid=alice,ou=people," + OU);
        root.add("dn: cn=staff,ou=groups," + OU, "objectClass: groupOfNames", "cn: staff",
                "member: cn=engineers,ou=groups," + OU, "member: uid=bob,ou=people," + OU);
    }
}
