package dev.gatehouse.core.ldap;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.identitysource.LockoutPolicy;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed binds per name are counted against the directory's lockout policy and stopped one short of its threshold,
 * before the directory is contacted, with the throttle's usual "try again in" refusal.
 */
class LdapLockoutThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(30);

    private final InMemoryCore core = new InMemoryCore();
    private final StandInDirectory directory = new StandInDirectory();
    private CoreServices services;

    @BeforeEach
    void useAnActiveDirectoryThatLocksAtThree() {
        directory.addUser("alice", "directory-password");
        directory.lockout = new LockoutPolicy(3, WINDOW);
        core.ldapConnector = (settings, password) -> directory;
        services = core.services(new MfaPolicy(MfaPolicy.Mode.ALWAYS, Duration.ofDays(7),
                MfaPolicy.WithoutDevice.ALLOW));
        services.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"),
                Transport.INSECURE_PLAIN, null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com",
                null, "ou=groups,dc=example,dc=com", null, LdapSchema.ACTIVE_DIRECTORY), "bind-secret",
                Actor.administratorCli(), CONTEXT);
    }

    private SignInOutcome signIn(String password) {
        return services.passwordStep().signIn("alice", password.toCharArray(), CONTEXT);
    }

    private DomainError refusal(String password) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> signIn(password));
        assertThat(refused).isNotNull();
        return refused.error();
    }

    @Test
    void theGuessThatCouldReachTheThresholdIsRefusedWithoutContactingTheDirectory() {
        assertThat(refusal("guess-1")).isInstanceOf(DomainError.InvalidCredentials.class);
        assertThat(refusal("guess-2")).isInstanceOf(DomainError.InvalidCredentials.class);

        assertThat(refusal("guess-3")).isInstanceOfSatisfying(DomainError.TooManyRequests.class,
                tooMany -> assertThat(tooMany.message()).isEqualTo(
                        "Too many failed sign-ins. Try again in 30 minutes."));
        assertThat(refusal("directory-password")).isInstanceOf(DomainError.TooManyRequests.class);
        assertThat(directory.binds).as("only threshold - 1 guesses reached the directory").isEqualTo(2);

        core.clock.advance(WINDOW);
        assertThat(signIn("directory-password")).isInstanceOf(SignedIn.class);
        assertThat(directory.binds).isEqualTo(3);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgainAsTheDirectoryDoes() {
        assertThat(refusal("guess-1")).isInstanceOf(DomainError.InvalidCredentials.class);
        assertThat(signIn("directory-password")).isInstanceOf(SignedIn.class);

        assertThat(refusal("guess-2")).isInstanceOf(DomainError.InvalidCredentials.class);
        assertThat(refusal("guess-3")).as("two failures since the success, one short of three")
                .isInstanceOf(DomainError.InvalidCredentials.class);
        assertThat(refusal("guess-4")).isInstanceOf(DomainError.TooManyRequests.class);
        assertThat(directory.binds).isEqualTo(4);
    }

    @Test
    void aDirectoryThatNeverLocksKeepsOnlyTheUsualPerNameThrottle() {
        directory.lockout = LockoutPolicy.NONE;

        for (int i = 0; i < 5; i++) {
            assertThat(refusal("guess")).isInstanceOf(DomainError.InvalidCredentials.class);
        }
        assertThat(refusal("guess")).isInstanceOf(DomainError.TooManyRequests.class);
        assertThat(directory.binds).isEqualTo(5);
    }

    @Test
    void eachSyncReadsTheLockoutPolicyAgain() {
        services.ldapSync().run(CONTEXT);
        services.ldapSync().run(CONTEXT);

        assertThat(directory.lockoutReads).isEqualTo(2);
    }
}
