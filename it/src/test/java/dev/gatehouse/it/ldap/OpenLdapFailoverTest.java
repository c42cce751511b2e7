package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * Acceptance C of the LDAP issue: two real slapd servers holding the same entries (same entryUUIDs, as replicas
 * do), both URLs given. Stopping the first keeps sign-in working through the second; with both stopped the sign-in
 * page says the directory cannot be reached (no stack trace), while people already signed in keep their portal
 * session, their CLI refresh tokens and their role credentials.
 */
@ExtendWith({OpenLdapInstalled.class, ChromiumInstalled.class})
class OpenLdapFailoverTest {

    private static final RequestContext SETUP = RequestContext.commandLine("openldap-failover-test");
    private static final String OU = "ou=failover," + OpenLdapServer.SUFFIX;
    private static final String BIND_DN = "cn=gatehouse," + OU;
    private static final String BIND_PASSWORD = "Bind-account-passw0rd";
    private static final String ALICE_PASSWORD = "Alice-directory-passw0rd";
    private static final String BOB_PASSWORD = "Bob-directory-passw0rd";
    private static final String ACCOUNT_ID = "111122223333";
    private static final String ROLE = "PowerUserAccess";

    @TempDir
    Path dataDir;

    @Test
    void theSecondUrlTakesOverAndSignedInPeopleKeepWorkingWhenNoneAnswers() throws Exception {
        try (OpenLdapServer first = OpenLdapServer.startPrivate();
             OpenLdapServer second = OpenLdapServer.startPrivate();
             RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            replicate(first, second);
            CoreServices core = gatehouse.services().core();
            Actor admin = Actor.administratorCli();
            core.identitySources().setLdap(new LdapSettings(List.of(first.url(), second.url()),
                    Transport.INSECURE_PLAIN, null, BIND_DN, "ou=people," + OU, null, "ou=groups," + OU, null,
                    LdapSchema.OPENLDAP), BIND_PASSWORD, admin, SETUP);
            assertThat(core.ldapSync().run(SETUP).users()).isEqualTo(2);
            core.accessModel().createAccount(ACCOUNT_ID, "Development", "aws+dev@example.com", admin, SETUP);
            PermissionSet role = core.accessModel().createPermissionSet(new NewPermissionSet(ROLE,
                    "Full access except IAM", "PT1H", List.of("PowerUserAccess"), null, null, null, Map.of()),
                    admin, SETUP);
            core.accessModel().assign(ACCOUNT_ID, ROLE, PrincipalType.GROUP, "staff", admin, SETUP);
            Entitlement alice = new Entitlement(gatehouse.services(), "alice", ALICE_PASSWORD, ACCOUNT_ID,
                    "Development", role, "staff");

            try (DeviceLogin cli = new DeviceLogin(gatehouse);
                 Chromium aliceBrowser = Chromium.start("ldap-failover-alice");
                 Chromium bobBrowser = Chromium.start("ldap-failover-bob");
                 Chromium nobody = Chromium.start("ldap-failover-none")) {
                signIn(gatehouse, aliceBrowser, "alice", ALICE_PASSWORD);
                assertThat(aliceBrowser.pageText()).contains(ROLE);
                DeviceLogin.LoggedIn aliceCli = cli.logIn(alice);

                first.stop();
                signIn(gatehouse, bobBrowser, "bob", BOB_PASSWORD);
                assertThat(bobBrowser.pageText()).as("the second URL took over").contains("Development", ROLE);

                second.stop();
                signIn(gatehouse, nobody, "alice", ALICE_PASSWORD);
                assertThat(nobody.pageText()).contains("The directory that holds your account cannot be reached")
                        .doesNotContain("Exception").doesNotContain("at dev.gatehouse");
                assertThat(nobody.currentUrl()).contains("/signin");

                aliceBrowser.open(gatehouse.startUrl());
                assertThat(aliceBrowser.pageText()).as("a signed-in portal session outlives the directory")
                        .contains(ROLE);
                bobBrowser.open(gatehouse.startUrl());
                assertThat(bobBrowser.pageText()).contains(ROLE);
                CreateTokenResponse refreshed = cli.refresh(aliceCli.client(), aliceCli.refreshToken());
                assertThat(refreshed.accessToken()).as("refresh keeps working while the directory is down")
                        .isNotBlank();
                RoleCredentials credentials = cli.roleCredentials(refreshed.accessToken(), alice);
                assertThat(cli.callerIdentity(credentials).account()).isEqualTo(ACCOUNT_ID);
            }
        }
    }

    private static void signIn(RunningGatehouse gatehouse, Chromium chromium, String userName, String password) {
        chromium.open(gatehouse.startUrl());
        chromium.fill("username", userName);
        chromium.fill("password", password);
        chromium.press("Sign in");
    }

    /**
     * Adds the entries to the first server, then each with the same entryUUID to the second, as replication would:
     * whichever answers, Gatehouse sees the same users. The relax control lets the root DN set entryUUID.
     */
    private static void replicate(OpenLdapServer first, OpenLdapServer second) throws Exception {
        List<String[]> entries = List.of(
                new String[] {"dn: " + OU, "objectClass: organizationalUnit", "ou: failover"},
                new String[] {"dn: ou=people," + OU, "objectClass: organizationalUnit", "ou: people"},
                new String[] {"dn: ou=groups," + OU, "objectClass: organizationalUnit", "ou: groups"},
                new String[] {"dn: " + BIND_DN, "objectClass: organizationalRole",
                    "objectClass: simpleSecurityObject", "cn: gatehouse",
                    "userPassword: " + OpenLdapServer.ssha(BIND_PASSWORD)},
                new String[] {"dn: uid=alice,ou=people," + OU, "objectClass: inetOrgPerson", "uid: alice",
                    "cn: Alice Liddell", "givenName: Alice", "sn: Liddell", "mail: alice@example.com",
                    "userPassword: " + OpenLdapServer.ssha(ALICE_PASSWORD)},
                new String[] {"dn: uid=bob,ou=people," + OU, "objectClass: inetOrgPerson", "uid: bob",
                    "cn: Bob Builder", "givenName: Bob", "sn: Builder", "mail: bob@example.com",
                    "userPassword: " + OpenLdapServer.ssha(BOB_PASSWORD)},
                new String[] {"dn: cn=staff,ou=groups," + OU, "objectClass: groupOfNames", "cn: staff",
                    "member: uid=alice,ou=people," + OU, "member: uid=bob,ou=people," + OU});
        try (LDAPConnection one = first.asRoot(); LDAPConnection two = second.asRoot()) {
            for (String[] ldif : entries) {
                Entry entry = new Entry(ldif);
                one.add(entry);
                String uuid = one.getEntry(entry.getDN(), "entryUUID").getAttributeValue("entryUUID");
                Entry copy = entry.duplicate();
                copy.addAttribute("entryUUID", uuid);
                AddRequest add = new AddRequest(copy);
                add.addControl(new Control(OpenLdapServer.RELAX_CONTROL, true));
                two.add(add);
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot populate the two slapd servers: " + e.getMessage(), e);
        }
    }
}
