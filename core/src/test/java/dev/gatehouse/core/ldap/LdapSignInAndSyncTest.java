package dev.gatehouse.core.ldap;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.signin.EnrolmentNeeded;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in with a directory password behind Gatehouse's throttle and MFA, and the sync of users, groups and
 * nestings, with deletions ending sessions, against a stand-in directory.
 */
class LdapSignInAndSyncTest {

    private final InMemoryCore core = new InMemoryCore();
    private final StandInDirectory directory = new StandInDirectory();
    private CoreServices services;

    @BeforeEach
    void useTheDirectory() {
        core.ldapConnector = (settings, password) -> directory;
        services = core.services(new MfaPolicy(MfaPolicy.Mode.ALWAYS, Duration.ofDays(7),
                MfaPolicy.WithoutDevice.ALLOW));
        services.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"),
                Transport.INSECURE_PLAIN, null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com",
                null, "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP), "bind-secret",
                Actor.administratorCli(), CONTEXT);
    }

    private SignInOutcome signIn(String userName, String password) {
        return services.passwordStep().signIn(userName, password.toCharArray(), CONTEXT);
    }

    private static DomainError refusal(Runnable signIn) {
        DomainException refused = catchThrowableOfType(DomainException.class, signIn::run);
        assertThat(refused).isNotNull();
        return refused.error();
    }

    @Test
    void aPersonTheSyncHasNotSeenSignsInWithTheDirectoryPasswordAndBecomesAUser() {
        directory.addUser("alice", "directory-password");

        SignInOutcome outcome = signIn("alice", "directory-password");

        assertThat(outcome).isInstanceOfSatisfying(SignedIn.class, signed -> {
            assertThat(signed.user().userName()).isEqualTo("alice");
            assertThat(signed.user().email()).isEqualTo("alice@example.com");
            assertThat(signed.user().passwordHash()).as("the password stays in the directory").isNull();
        });
    }

    @Test
    void gatehouseMfaStillAppliesOnTopOfTheDirectoryPassword() {
        directory.addUser("alice", "directory-password");
        CoreServices enrolling = core.services(MfaPolicy.DEFAULT);

        assertThat(enrolling.passwordStep().signIn("alice", "directory-password".toCharArray(), CONTEXT))
                .isInstanceOf(EnrolmentNeeded.class);
    }

    @Test
    void wrongPasswordsAreRefusedAndThrottledBeforeTheDirectorySeesEnoughToLockTheAccount() {
        directory.addUser("alice", "directory-password");

        for (int i = 0; i < 5; i++) {
            assertThat(refusal(() -> signIn("alice", "guess"))).isInstanceOf(DomainError.InvalidCredentials.class);
        }
        assertThat(refusal(() -> signIn("alice", "directory-password")))
                .isInstanceOf(DomainError.TooManyRequests.class);
        assertThat(directory.binds).as("the throttled attempt never reached the directory").isEqualTo(5);
        assertThat(refusal(() -> signIn("nobody", "x"))).isInstanceOf(DomainError.InvalidCredentials.class);
    }

    @Test
    void anUnreachableDirectoryIsSaidPlainly() {
        directory.addUser("alice", "directory-password");
        directory.down = true;

        assertThat(refusal(() -> signIn("alice", "directory-password"))).isInstanceOfSatisfying(
                DomainError.AccessDenied.class, denied -> assertThat(denied.message()).contains("cannot be reached"));
    }

    @Test
    void syncBringsUsersGroupsAndNestingSoTheNestedMemberReachesTheOuterGroup() {
        DirectoryUser alice = directory.addUser("alice", "pw");
        DirectoryUser bob = directory.addUser("bob", "pw");
        directory.addGroup("engineers", alice.dn());
        directory.addGroup("staff", StandInDirectory.groupDn("engineers"), bob.dn());
        directory.addGroup("loop", StandInDirectory.groupDn("staff"));
        // engineers also contains loop: a cycle, which the directory allows and Gatehouse skips.
        directory.groups.set(0, new dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup(
                StandInDirectory.groupDn("engineers"), "uuid-engineers", "engineers",
                List.of(alice.dn(), StandInDirectory.groupDn("loop"))));

        LdapSync.Report report = services.ldapSync().run(CONTEXT);

        assertThat(report.users()).isEqualTo(2);
        assertThat(report.groups()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(services.identityStore().members("engineers")).extracting(User::userName)
                .containsExactly("alice");
        assertThat(services.identityStore().nestedGroups("staff")).extracting(Group::displayName)
                .containsExactly("engineers");
        assertThat(services.identityStore().members("staff")).extracting(User::userName).containsExactly("bob");

        LdapSync.Report again = services.ldapSync().run(CONTEXT);
        assertThat(again.membershipsAdded()).as("a second run changes nothing").isZero();
        assertThat(again.membershipsRemoved()).isZero();
    }

    @Test
    void aUserRemovedOrDisabledInTheDirectoryLosesTheirSessionAtTheNextSync() {
        directory.addUser("alice", "pw");
        DirectoryUser bob = directory.addUser("bob", "pw");
        services.ldapSync().run(CONTEXT);
        SignedIn alice = (SignedIn) signIn("alice", "pw");
        SignedIn bobSession = (SignedIn) signIn("bob", "pw");

        directory.users.removeIf(u -> u.userName().equals("alice"));
        directory.users.set(0, new DirectoryUser(bob.dn(), bob.id(), "bob", bob.email(), "bob", "Tester",
                "bob Tester", true));
        LdapSync.Report report = services.ldapSync().run(CONTEXT);

        assertThat(report.usersRemoved()).isEqualTo(1);
        assertThat(services.browserSessions().find(alice.cookieValue())).isEmpty();
        assertThat(services.browserSessions().find(bobSession.cookieValue())).isEmpty();
        assertThat(services.identityStore().user("bob").enabled()).isFalse();
        assertThat(refusal(() -> signIn("bob", "pw"))).isInstanceOf(DomainError.AccessDenied.class);
    }

    @Test
    void syncedUsersAndGroupsAreReadOnlyForEveryoneButTheSync() {
        DirectoryUser alice = directory.addUser("alice", "pw");
        directory.addGroup("engineers", alice.dn());
        services.ldapSync().run(CONTEXT);
        services.identityStore().createGroup("local", null, Actor.administratorCli(), CONTEXT);

        DomainError refused = refusal(() -> services.identityStore().setStatus("alice",
                dev.gatehouse.core.directory.UserStatus.DISABLED, Actor.administratorCli(), CONTEXT));
        assertThat(refused).isInstanceOfSatisfying(DomainError.InvalidInput.class,
                denied -> assertThat(denied.message()).contains("comes from the LDAP directory"));
        assertThat(refusal(() -> services.identityStore().removeMember("engineers", "alice",
                Actor.administratorCli(), CONTEXT))).isInstanceOf(DomainError.InvalidInput.class);
        assertThat(refusal(() -> services.identityStore().deleteGroup("engineers", Actor.administratorCli(),
                CONTEXT))).isInstanceOf(DomainError.InvalidInput.class);
        String engineers = services.identityStore().group("engineers").groupId();
        assertThat(refusal(() -> services.identityStore().updateGroup(engineers, "builders", null,
                Actor.administratorCli(), CONTEXT))).isInstanceOf(DomainError.InvalidInput.class);

        services.identityStore().addMember("local", "alice", Actor.administratorCli(), CONTEXT);
        assertThat(services.identityStore().members("local")).extracting(User::userName)
                .as("a Gatehouse group may hold synced users").containsExactly("alice");
    }
}
