package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.ldap.LdapSync;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.server.idp.ldap.LdapConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance A of the LDAP issue against a real Samba AD domain controller (started by the test): users and a group
 * nested in the group holding an assignment sync through the Active Directory preset (objectGUID as the id,
 * userAccountControl for disabled accounts); the nested member signs in with the AD password in Chromium and sees
 * the role; AD's own refusals (wrong password, disabled account, expired account, password that must change, account
 * locked out) each show their message; {@code samba-tool user disable} ends the session at the next sync.
 */
@ExtendWith({SambaAdInstalled.class, ChromiumInstalled.class})
class SambaAdSignInTest {

    private static final RequestContext SETUP = RequestContext.commandLine("samba-ad-sign-in-test");
    private static final String ALICE_PASSWORD = "Alice-AD-passw0rd1";
    private static final String BOB_PASSWORD = "Bob-AD-passw0rd1";
    private static final String OTHER_PASSWORD = "Other-AD-passw0rd1";
    private static final String ACCOUNT_ID = "111122223333";
    private static final String ROLE = "PowerUserAccess";

    @TempDir
    Path dataDir;

    @Test
    void theNestedMemberSignsInWithTheAdPasswordEachRefusalHasItsMessageAndDisablingEndsTheSession() {
        SambaAdServer samba = SambaAdServer.shared();
        SambaAdOrganization ad = populate(samba);
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            CoreServices core = gatehouse.services().core();
            Actor admin = Actor.administratorCli();
            core.identitySources().setLdap(ad.settings(samba.url()), SambaAdOrganization.BIND_PASSWORD, admin,
                    SETUP);

            LdapSync.Report report = core.ldapSync().run(SETUP);
            assertThat(report.users()).isEqualTo(6);
            assertThat(report.groups()).isEqualTo(2);
            assertThat(report.skipped()).isZero();
            assertThat(core.identityStore().nestedGroups("staff")).extracting(Group::displayName)
                    .containsExactly("engineers");
            assertThat(core.identityStore().members("engineers")).extracting(User::userName)
                    .containsExactly("alice");
            User alice = core.identityStore().user("alice");
            assertThat(List.of(alice.givenName(), alice.familyName(), alice.displayName(), alice.email()))
                    .containsExactly("Alice", "Liddell", "Alice Liddell", "alice@example.com");
            assertThat(alice.passwordHash()).isNull();
            assertThat(core.identityStore().user("carol").status()).as("userAccountControl bit 2")
                    .isEqualTo(UserStatus.DISABLED);

            core.accessModel().createAccount(ACCOUNT_ID, "Development", "aws+dev@example.com", admin, SETUP);
            core.accessModel().createPermissionSet(new NewPermissionSet(ROLE, "Full access except IAM", "PT1H",
                    List.of("PowerUserAccess"), null, null, null, Map.of()), admin, SETUP);
            core.accessModel().assign(ACCOUNT_ID, ROLE, PrincipalType.GROUP, "staff", admin, SETUP);

            assertThat(refusal(gatehouse, "alice", "not-her-password"))
                    .contains("The user name or password is incorrect.");
            assertThat(refusal(gatehouse, "carol", OTHER_PASSWORD)).contains("Your directory account is disabled.");
            assertThat(refusal(gatehouse, "dave", OTHER_PASSWORD)).contains("Your directory account has expired.");
            assertThat(refusal(gatehouse, "erin", OTHER_PASSWORD))
                    .contains("Your directory password has expired or must be changed.");
            String frank = "CN=Frank Abagnale," + ad.peopleDn();
            for (int i = 0; i < SambaAdServer.LOCKOUT_THRESHOLD; i++) {
                // Guesses made elsewhere in the domain (not through Gatehouse) lock the account.
                assertThat(samba.bind(frank, "not-his-password")).contains("data 52e");
            }
            assertThat(samba.bind(frank, OTHER_PASSWORD)).contains("data 775");
            assertThat(refusal(gatehouse, "frank", OTHER_PASSWORD)).contains("Your directory account is locked");

            try (Chromium aliceBrowser = Chromium.start("samba-ad-nested-member");
                 Chromium bobBrowser = Chromium.start("samba-ad-disabled-user")) {
                signIn(gatehouse, aliceBrowser, "alice", ALICE_PASSWORD);
                assertThat(aliceBrowser.pageText()).as("alice reaches staff's role through engineers")
                        .contains("Development", ACCOUNT_ID, ROLE);

                signIn(gatehouse, bobBrowser, "bob", BOB_PASSWORD);
                assertThat(bobBrowser.pageText()).contains("Development", ROLE);

                samba.tool("user", "disable", "bob");
                assertThat(core.ldapSync().run(SETUP).usersRemoved()).isZero();
                assertThat(core.identityStore().user("bob").status()).isEqualTo(UserStatus.DISABLED);

                bobBrowser.open(gatehouse.startUrl());
                assertThat(bobBrowser.currentUrl()).as("bob's session ended with the sync").contains("/signin");
                aliceBrowser.open(gatehouse.startUrl());
                assertThat(aliceBrowser.pageText()).contains(ROLE);
            }
        }
    }

    /**
     * The connector on its own: the objectGUID reads as samba-tool shows it, a search from the domain root, which
     * Samba answers with referrals to the configuration partitions beside the entries, still finds people, and the
     * probe behind "test connection" counts the OU's entries.
     */
    @Test
    void theObjectGuidReadsAsAdShowsItAndTheDomainRootWorksAsTheUserBase() {
        SambaAdServer samba = SambaAdServer.shared();
        SambaAdOrganization ad = SambaAdOrganization.create(samba, "Connector");
        ad.addUser("grace", "Grace", "Hopper", OTHER_PASSWORD);
        Matcher guid = Pattern.compile("objectGUID: (\\S+)").matcher(samba.tool("user", "show", "grace",
                "--attributes=objectGUID"));
        assertThat(guid.find()).isTrue();
        LdapSettings fromRoot = ad.settings(samba.url());
        fromRoot = new LdapSettings(fromRoot.urls(), fromRoot.transport(), null, fromRoot.bindDn(),
                SambaAdServer.BASE_DN, fromRoot.userFilter(), fromRoot.groupBaseDn(), fromRoot.groupFilter(),
                fromRoot.schema());
        try (LdapDirectory directory = new LdapConnector().open(fromRoot, SambaAdOrganization.BIND_PASSWORD)) {
            DirectoryUser grace = directory.findUser("grace").orElseThrow();
            assertThat(grace.id()).isEqualTo(guid.group(1));
            assertThat(grace.dn()).isEqualTo("CN=Grace Hopper," + ad.peopleDn());
            assertThat(directory.users()).extracting(DirectoryUser::userName).contains("grace", "Administrator");
        }
        try (LdapDirectory directory = new LdapConnector().open(ad.settings(samba.url()),
                SambaAdOrganization.BIND_PASSWORD)) {
            // What "test connection" reports before the source is switched.
            LdapDirectory.Probe probe = directory.probe();
            assertThat(probe.users()).isEqualTo(1);
            assertThat(probe.groups()).isZero();
            assertThat(probe.sampleUser().map(DirectoryUser::email)).contains("grace@example.com");
        }
    }

    private static String refusal(RunningGatehouse gatehouse, String userName, String password) {
        try (Chromium chromium = Chromium.start("samba-ad-refused-" + userName)) {
            signIn(gatehouse, chromium, userName, password);
            return chromium.pageText();
        }
    }

    private static void signIn(RunningGatehouse gatehouse, Chromium chromium, String userName, String password) {
        chromium.open(gatehouse.startUrl());
        chromium.fill("username", userName);
        chromium.fill("password", password);
        chromium.press("Sign in");
    }

    /**
     * OU=SignIn: alice in engineers, engineers and bob in staff (the group the assignment goes to); carol disabled,
     * dave's account expired ({@code setexpiry --days=0}), erin's password to be changed ({@code pwdLastSet=0});
     * frank is locked out later by wrong passwords.
     */
    private static SambaAdOrganization populate(SambaAdServer samba) {
        SambaAdOrganization ad = SambaAdOrganization.create(samba, "SignIn");
        ad.addUser("alice", "Alice", "Liddell", ALICE_PASSWORD);
        ad.addUser("bob", "Bob", "Builder", BOB_PASSWORD);
        ad.addUser("carol", "Carol", "Danvers", OTHER_PASSWORD);
        ad.addUser("dave", "Dave", "Bowman", OTHER_PASSWORD);
        ad.addUser("erin", "Erin", "Brockovich", OTHER_PASSWORD);
        ad.addUser("frank", "Frank", "Abagnale", OTHER_PASSWORD);
        ad.addGroup("engineers");
        ad.addGroup("staff");
        ad.addMembers("engineers", "alice");
        ad.addMembers("staff", "engineers", "bob");
        samba.tool("user", "disable", "carol");
        samba.tool("user", "setexpiry", "dave", "--days=0");
        ad.requirePasswordChange("CN=Erin Brockovich," + ad.peopleDn());
        return ad;
    }
}
