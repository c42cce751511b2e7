package dev.gatehouse.core.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.mfa.SecurityKeys;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.core.testing.CountingPasswordHasher;
import dev.gatehouse.core.testing.InMemoryCore;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.testing.SoftwareAuthenticator;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.core.throttle.Throttle.Subject;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in service with MFA: pending sign-ins, their completion, remembered browsers. It lived in store's tests
 * for a real store; core's in-memory store is held to the same contract, so it runs here without a database.
 */
class SignInWithMfaTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final String ORIGIN = InMemoryCore.PUBLIC_URL;
    private static final RequestContext CONTEXT = InMemoryCore.CONTEXT;

    private final InMemoryCore core = new InMemoryCore();
    private final InMemoryStore store = core.store;
    private final SteppedClock clock = core.clock;
    private final CountingPasswordHasher hasher = core.hasher;
    private AuthenticatorApps apps;
    private SecurityKeys keys;
    private User ed;

    @BeforeEach
    void setUp() {
        CoreServices services = service(MfaPolicy.DEFAULT);
        apps = services.authenticatorApps();
        keys = services.securityKeys();
        ed = core.user("ed.developer", PASSWORD);
    }

    /** The core services with the sign-in steps under {@code policy}, over the store and one sealing key. */
    private CoreServices service(MfaPolicy policy) {
        return core.services(policy);
    }

    private SignInOutcome signIn(CoreServices service, String remembered) {
        return service.passwordStep().signIn(ed.userName(), PASSWORD.toCharArray(), remembered, CONTEXT);
    }

    private static Waiting waiting(CoreServices service, String pending) {
        return service.pendingSignIns().resolve(pending);
    }

    /** A confirmed app for ed; returns its secret. The clock moves on a step, so the next code is a fresh one. */
    private byte[] enrolApp(String name) {
        Actor asEd = Actor.user(ed.userId(), ed.userName());
        Enrolment enrolment = apps.startEnrolment(ed.userId(), name, asEd, CONTEXT);
        byte[] secret = Base32.decode(enrolment.secretText());
        apps.confirm(ed.userId(), enrolment.deviceId(), Totp.STANDARD.code(secret, clock.instant()), asEd, CONTEXT);
        clock.advance(STEP);
        return secret;
    }

    /** A security key registered for ed. */
    private SoftwareAuthenticator registerKey() {
        SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
        CeremonyStart start = keys.startRegistration(ed.userId());
        keys.finishRegistration(ed.userId(), "Blue key", start.handle(), key.create(start.optionsJson()),
                Actor.user(ed.userId(), ed.userName()), CONTEXT);
        return key;
    }

    private String code(byte[] secret) {
        return Totp.STANDARD.code(secret, clock.instant());
    }

    @Test
    void signInWhenUserHasAnAppThenPendingSignInStoredOnlyAsHashAndNoSessionYet() {
        enrolApp("Phone");

        SecondFactorNeeded needed = (SecondFactorNeeded) signIn(service(MfaPolicy.DEFAULT), null);

        String cookie = needed.pending().cookieValue();
        assertThat(needed.pending().expiresAt()).isEqualTo(clock.instant().plus(PendingSignIns.LIFETIME));
        assertThat(store.pendingSignIns().find(Secrets.hash(cookie))).map(PendingSignIn::userId)
                .contains(ed.userId());
        assertThat(store.pendingSignIns().find(cookie)).isEmpty();
        assertThat(store.sessions().activeSessionsOf(ed.userId(), clock.instant())).isEmpty();
    }

    @Test
    void completeWithTheAppsCodeStartsTheSessionAndAuditsEachStepAsAwsDoes() {
        byte[] secret = enrolApp("Phone");
        CoreServices service = service(MfaPolicy.DEFAULT);
        SecondFactorNeeded needed = (SecondFactorNeeded) signIn(service, null);
        Instant passwordStep = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        SignedIn signedIn = service.authenticatorAppStep().complete(waiting(service, needed.pending().cookieValue()),
                code(secret), CONTEXT);

        assertThat(service.browserSessions().find(signedIn.cookieValue())).isPresent();
        assertThat(signInEvents()).filteredOn(e -> e.eventTime().equals(passwordStep))
                .extracting(e -> e.eventName() + " " + e.requestParameters().get("credentialType"))
                .containsExactlyInAnyOrder("CredentialChallenge PASSWORD", "CredentialVerification PASSWORD",
                        "CredentialChallenge TOTP");
        assertThat(signInEvents()).filteredOn(e -> e.eventTime().isAfter(passwordStep))
                .extracting(e -> e.eventName() + " " + e.requestParameters().get("credentialType")
                        + " " + e.requestParameters().get("mfaType"))
                .containsExactlyInAnyOrder("CredentialVerification TOTP null", "UserAuthentication PASSWORD TOTP");
    }

    @Test
    void securityKeyCompletesTheSignInAndIsAuditedAsAwsDoes() {
        SoftwareAuthenticator key = registerKey();
        CoreServices service = service(MfaPolicy.DEFAULT);
        SecondFactorNeeded needed = (SecondFactorNeeded) signIn(service, null);
        String pending = needed.pending().cookieValue();
        assertThat(needed.kinds()).containsExactly(MfaDeviceKind.WEBAUTHN);
        assertThat(waiting(service, pending).kinds()).containsExactly(MfaDeviceKind.WEBAUTHN);

        CeremonyStart challenge = service.securityKeyStep().challenge(waiting(service, pending));
        SignedIn signedIn = service.securityKeyStep().complete(waiting(service, pending), challenge.handle(),
                key.counter(1).get(challenge.optionsJson()), CONTEXT);

        assertThat(service.browserSessions().find(signedIn.cookieValue())).isPresent();
        assertThat(signInEvents()).extracting(e -> e.eventName() + " " + e.requestParameters().get("credentialType")
                        + " " + e.requestParameters().get("mfaType"))
                .contains("CredentialChallenge WEBAUTHN null", "CredentialVerification WEBAUTHN null",
                        "UserAuthentication PASSWORD WEBAUTHN");
    }

    @Test
    void securityKeyOfAnotherOriginIsRefusedAndCountedWithWrongCodes() {
        SoftwareAuthenticator phished = registerKey().from("http://localhost.evil.example");
        CoreServices service = service(MfaPolicy.DEFAULT);
        String pending = ((SecondFactorNeeded) signIn(service, null)).pending().cookieValue();
        CeremonyStart challenge = service.securityKeyStep().challenge(waiting(service, pending));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> service.securityKeyStep()
                .complete(waiting(service, pending), challenge.handle(), phished.get(challenge.optionsJson()),
                        CONTEXT));

        assertThat(refused.error()).isInstanceOf(DomainError.InvalidInput.class);
        assertThat(store.failedAttempts().find(
                Subject.of("secondFactorUser", ed.userId(), ThrottlePolicy.USER_NAME).key())).isPresent();
        assertThat(store.sessions().activeSessionsOf(ed.userId(), clock.instant())).isEmpty();
    }

    @Test
    void pendingSignInCompletesOnceAndExpiresAfterFiveMinutes() {
        byte[] secret = enrolApp("Phone");
        CoreServices service = service(MfaPolicy.DEFAULT);
        String once = ((SecondFactorNeeded) signIn(service, null)).pending().cookieValue();
        service.authenticatorAppStep().complete(waiting(service, once), code(secret), CONTEXT);
        clock.advance(STEP);

        assertThat(expired(() -> service.authenticatorAppStep().complete(waiting(service, once), code(secret),
                CONTEXT))).isNotNull();

        String late = ((SecondFactorNeeded) signIn(service, null)).pending().cookieValue();
        clock.advance(PendingSignIns.LIFETIME);
        assertThat(expired(() -> service.authenticatorAppStep().complete(waiting(service, late), code(secret),
                CONTEXT))).isNotNull();
    }

    @Test
    void enrolWhenNoDeviceThenEnrolmentConfirmedByItsFirstCodeStartsTheSession() {
        CoreServices service = service(MfaPolicy.DEFAULT);
        EnrolmentNeeded needed = (EnrolmentNeeded) signIn(service, null);
        String pending = needed.pending().cookieValue();
        Enrolment enrolment = service.enrolmentStep().start(waiting(service, pending), "Phone", CONTEXT);

        SignedIn signedIn = service.enrolmentStep().complete(waiting(service, pending), enrolment.deviceId(),
                "My phone", code(Base32.decode(enrolment.secretText())), CONTEXT);

        assertThat(service.browserSessions().find(signedIn.cookieValue())).isPresent();
        assertThat(apps.list(ed.userId())).extracting(MfaDevice::name).containsExactly("My phone");
    }

    @Test
    void pendingSignInForASecondFactorCannotEnrolAnotherDevice() {
        enrolApp("Phone");
        CoreServices service = service(MfaPolicy.DEFAULT);
        String pending = ((SecondFactorNeeded) signIn(service, null)).pending().cookieValue();

        assertThat(expired(() -> service.enrolmentStep().start(waiting(service, pending), "Attacker's phone",
                CONTEXT))).isNotNull();
        assertThat(store.mfaDevices().listByUser(ed.userId())).hasSize(1);
    }

    @Test
    void contextAwareRemembersTheBrowserUntilThePasswordChanges() {
        byte[] secret = enrolApp("Phone");
        CoreServices service = service(new MfaPolicy(MfaPolicy.Mode.CONTEXT_AWARE, Duration.ofDays(7),
                MfaPolicy.WithoutDevice.ENROL));
        String pending = ((SecondFactorNeeded) signIn(service, null)).pending().cookieValue();
        SignedIn first = service.authenticatorAppStep().complete(waiting(service, pending), code(secret), CONTEXT);
        String remembered = first.remembered().cookieValue();
        assertThat(first.remembered().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));

        assertThat(signIn(service, remembered)).isInstanceOf(SignedIn.class);
        assertThat(signIn(service, "ghr_made-up")).isInstanceOf(SecondFactorNeeded.class);

        store.users().update(ed.withPasswordHash(hasher.hash(PASSWORD.toCharArray()), clock.instant()));
        assertThat(signIn(service, remembered)).as("after a password reset").isInstanceOf(SecondFactorNeeded.class);
    }

    @Test
    void blockWhenNoDeviceThenAccessDeniedAndAudited() {
        CoreServices service = service(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.BLOCK));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> signIn(service, null));

        assertThat(refused.error()).isInstanceOf(DomainError.AccessDenied.class);
        assertThat(refused.getMessage()).contains("Contact your administrator");
        assertThat(signInEvents()).filteredOn(e -> e.eventName().equals("UserAuthentication")).singleElement()
                .satisfies(e -> assertThat(e.errorCode()).isNotNull());
    }

    @Test
    void modeOffSignsInWithThePasswordEvenWithAnApp() {
        enrolApp("Phone");

        assertThat(signIn(service(MfaPolicy.DEFAULT.withMode(MfaPolicy.Mode.OFF)), null)).isInstanceOf(SignedIn.class);
    }

    private static DomainError.ExpiredToken expired(ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown.error()).isInstanceOf(DomainError.ExpiredToken.class);
        return (DomainError.ExpiredToken) thrown.error();
    }

    /** The sign-in trail (enrolment events left out). */
    private List<AuditEvent> signInEvents() {
        return store.audit().find(AuditQuery.all()).stream()
                .filter(e -> List.of("CredentialChallenge", "CredentialVerification", "UserAuthentication")
                        .contains(e.eventName()))
                .toList();
    }
}
