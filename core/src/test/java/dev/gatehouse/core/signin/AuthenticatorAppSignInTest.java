package dev.gatehouse.core.signin;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in with a password and an authenticator app, request by request as the server's MFA page makes them:
 * each request resolves the pending sign-in from its cookie once, then hands it to the step.
 */
class AuthenticatorAppSignInTest {

    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final Duration STEP = Duration.ofSeconds(30);

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private User ed;
    private byte[] secret;

    @BeforeEach
    void setUp() {
        ed = core.user("ed.developer", PASSWORD);
        Actor asEd = Actor.user(ed.userId(), ed.userName());
        Enrolment enrolment = services.authenticatorApps().startEnrolment(ed.userId(), "Phone", asEd, CONTEXT);
        secret = Base32.decode(enrolment.secretText());
        services.authenticatorApps().confirm(ed.userId(), enrolment.deviceId(),
                Totp.STANDARD.code(secret, core.clock.instant()), asEd, CONTEXT);
        core.clock.advance(STEP);
    }

    /** Acceptance D: a wrong code costs one read of the pending sign-in, the one resolving the request's cookie. */
    @Test
    void wrongCodeWhenSubmittedThenInvalidInputAndThePendingSignInWasReadExactlyOnce() {
        String pending = passwordStep().pending().cookieValue();
        core.store.resetReads();

        DomainException refused = catchThrowableOfType(DomainException.class, () -> submitCode(pending, wrongCode()));

        assertThat(refused.error()).isInstanceOf(DomainError.InvalidInput.class);
        assertThat(core.store.pendingSignInReads()).as("reads: %s", core.store.reads()).isEqualTo(1);
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).isEmpty();
    }

    @Test
    void rightCodeAfterAWrongOneThenSignedInWithOneReadPerRequest() {
        String pending = passwordStep().pending().cookieValue();
        core.store.resetReads();
        catchThrowableOfType(DomainException.class, () -> submitCode(pending, wrongCode()));

        SignedIn signedIn = submitCode(pending, Totp.STANDARD.code(secret, core.clock.instant()));

        assertThat(core.store.pendingSignInReads()).isEqualTo(2);
        assertThat(services.browserSessions().find(signedIn.cookieValue())).isPresent();
    }

    @Test
    void rightCodeThenThePendingSignInIsUsedUpAndCannotCompleteAgain() {
        String pending = passwordStep().pending().cookieValue();
        submitCode(pending, Totp.STANDARD.code(secret, core.clock.instant()));
        core.clock.advance(STEP);

        DomainException again = catchThrowableOfType(DomainException.class,
                () -> submitCode(pending, Totp.STANDARD.code(secret, core.clock.instant())));

        assertThat(again.error()).isInstanceOf(DomainError.ExpiredToken.class);
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).hasSize(1);
    }

    @Test
    void whenTheIdentitySourceBecomesExternalThenPasswordsAndAWaitingSecondFactorAreRefused() {
        String pending = passwordStep().pending().cookieValue();
        services.identitySources().setExternalOidc("https://idp.example.com", "gatehouse", "client-secret", null,
                null, Actor.administratorCli(), CONTEXT);

        DomainException waiting = catchThrowableOfType(DomainException.class,
                () -> submitCode(pending, Totp.STANDARD.code(secret, core.clock.instant())));
        DomainException password = catchThrowableOfType(DomainException.class, this::passwordStep);

        assertThat(waiting.error()).isEqualTo(OwnCredentials.NOT_USED);
        assertThat(password.error()).isEqualTo(OwnCredentials.NOT_USED);
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).isEmpty();
    }

    private SecondFactorNeeded passwordStep() {
        return (SecondFactorNeeded) services.passwordStep().signIn(ed.userName(), PASSWORD.toCharArray(), null,
                CONTEXT);
    }

    /** One POST of the MFA form: resolve the cookie's pending sign-in once, then complete with the code. */
    private SignedIn submitCode(String pendingCookie, String code) {
        Waiting waiting = services.pendingSignIns().resolve(pendingCookie);
        return services.authenticatorAppStep().complete(waiting, code, CONTEXT);
    }

    /** A six-digit code the app shows at none of the steps around now, so it is wrong whatever the drift window. */
    private String wrongCode() {
        Set<String> near = IntStream.rangeClosed(-3, 3)
                .mapToObj(i -> Totp.STANDARD.code(secret, core.clock.instant().plus(STEP.multipliedBy(i))))
                .collect(java.util.stream.Collectors.toSet());
        return IntStream.range(0, 10).mapToObj(i -> "00000" + i).filter(c -> !near.contains(c)).findFirst()
                .orElseThrow();
    }
}
