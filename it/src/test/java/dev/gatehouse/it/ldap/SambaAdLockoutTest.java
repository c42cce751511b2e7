package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatehouse never locks an AD account by repeating guesses: against a real Samba AD whose domain locks an account
 * after {@link SambaAdServer#LOCKOUT_THRESHOLD} (5) wrong passwords in its 30-minute observation window, six wrong
 * passwords through Gatehouse's sign-in leave the account unlocked, because Gatehouse read the policy from the domain
 * object and refused the fifth and sixth itself.
 */
@ExtendWith(SambaAdInstalled.class)
class SambaAdLockoutTest {

    private static final RequestContext SETUP = RequestContext.commandLine("samba-ad-lockout-test");
    private static final RequestContext BROWSER = new RequestContext("samba-ad-lockout", "127.0.0.1", "it");
    private static final String PASSWORD = "Henry-AD-passw0rd1";

    @TempDir
    Path dataDir;

    @Test
    void sixWrongPasswordsThroughGatehouseLeaveTheAdAccountUnlocked() throws LDAPException {
        SambaAdServer samba = SambaAdServer.shared();
        SambaAdOrganization ad = SambaAdOrganization.create(samba, "Lockout");
        ad.addUser("henry", "Henry", "Ford", PASSWORD);
        String henry = "CN=Henry Ford," + ad.peopleDn();
        MutableClock clock = MutableClock.startingNow();
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, clock)) {
            CoreServices core = gatehouse.services().core();
            core.identitySources().setLdap(ad.settings(samba.url()), SambaAdOrganization.BIND_PASSWORD,
                    Actor.administratorCli(), SETUP);

            for (int guess = 1; guess <= 6; guess++) {
                DomainError refused = refusal(core, "wrong-password-" + guess);
                if (guess < SambaAdServer.LOCKOUT_THRESHOLD) {
                    assertThat(refused).as("guess %d reaches AD", guess)
                            .isInstanceOf(DomainError.InvalidCredentials.class);
                } else {
                    assertThat(refused).as("guess %d refused by Gatehouse", guess).isInstanceOfSatisfying(
                            DomainError.TooManyRequests.class,
                            tooMany -> assertThat(tooMany.message()).contains("Try again in 30 minutes"));
                }
            }
            assertThat(badPasswordCount(samba, henry)).as("AD saw only the first four")
                    .isEqualTo(SambaAdServer.LOCKOUT_THRESHOLD - 1);
            assertThat(refusal(core, PASSWORD)).as("the right password waits out the window too")
                    .isInstanceOf(DomainError.TooManyRequests.class);

            // AD's count forgets each wrong password after the window; Gatehouse's, on its clock, as well.
            clock.advance(Duration.ofMinutes(30));
            assertThat(signIn(core, PASSWORD)).isInstanceOf(SignedIn.class);
            assertThat(badPasswordCount(samba, henry)).as("the successful bind reset AD's count").isZero();
            assertThat(samba.bind(henry, PASSWORD)).as("not locked: the password still binds directly").isNull();
        }
    }

    private static SignInOutcome signIn(CoreServices core, String password) {
        return core.passwordStep().signIn("henry", password.toCharArray(), BROWSER);
    }

    private static DomainError refusal(CoreServices core, String password) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> signIn(core, password));
        assertThat(refused).isNotNull();
        return refused.error();
    }

    private static int badPasswordCount(SambaAdServer samba, String dn) throws LDAPException {
        try (LDAPConnection admin = samba.asAdmin()) {
            return admin.getEntry(dn, "badPwdCount").getAttributeValueAsInteger("badPwdCount");
        }
    }
}
