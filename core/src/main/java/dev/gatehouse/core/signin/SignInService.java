package dev.gatehouse.core.signin;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.mfa.SecurityKeys;
import dev.gatehouse.core.password.PasswordHasher;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import dev.gatehouse.core.signin.RememberedBrowsers.Remembered;
import dev.gatehouse.core.throttle.Throttle.Lockout;
import dev.gatehouse.core.throttle.Throttle.Subject;
import dev.gatehouse.core.throttle.Throttle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sign-in into a browser session, and finding that session again from its cookie. A right password leads, as the
 * {@link MfaPolicy} says, to a session, to a <em>pending sign-in</em> that waits for a second factor (or for the
 * user to enrol one), or to a refusal. A pending sign-in completes once, with any verified factor
 * ({@link #complete}), so another kind of factor only needs its own check in front of that.
 *
 * <p>Password failures are throttled per user name and per source address (see {@link ThrottlePolicy}); a name
 * that does not exist is counted and answered exactly like one that does, so neither the message nor the timing
 * tells them apart. Wrong second-factor codes are throttled per user.
 */
public final class SignInService {

    /** Long enough to open an app and type a code, short enough that a forgotten tab is soon useless. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);

    /** Per user, across pending sign-ins: 4 free wrong codes, then 1, 2, 4, 8 minutes, then locked 15 minutes. */
    static final ThrottlePolicy SECOND_FACTOR_USER =
            new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12));

    private static final String USER_NAME = "userName";
    private static final String SOURCE_ADDRESS = "sourceAddress";
    private static final String SECOND_FACTOR = "secondFactorUser";

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Lifetimes lifetimes;
    private final MfaPolicy policy;
    private final AuthenticatorApps apps;
    private final SecurityKeys keys;
    private final RememberedBrowsers rememberedBrowsers;
    private final String unknownUserHash;
    private final Throttle throttle;

    public SignInService(Store store, Clock clock, AuditLog audit, PasswordHasher hasher, Lifetimes lifetimes,
                         MfaPolicy policy, AuthenticatorApps apps, SecurityKeys keys) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
        this.lifetimes = lifetimes;
        this.policy = policy;
        this.apps = apps;
        this.keys = keys;
        this.rememberedBrowsers = new RememberedBrowsers(clock, policy.rememberBrowser());
        // Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
        this.unknownUserHash = hasher.hash(Secrets.newToken("").toCharArray());
        this.throttle = new Throttle(clock);
    }

    /** What a sign-in step leads to. */
    public sealed interface Result permits SignedIn, SecondFactorNeeded, EnrolmentNeeded { }

    /**
     * A browser session and the cookie value that finds it (only its hash is stored).
     *
     * @param remembered for context-aware MFA, the browser to remember after a second factor; else null
     */
    public record SignedIn(PortalSession session, User user, String cookieValue, Remembered remembered)
            implements Result {

        public SignedIn(PortalSession session, User user, String cookieValue) {
            this(session, user, cookieValue, null);
        }

        SignedIn withRemembered(Remembered browser) {
            return new SignedIn(session, user, cookieValue, browser);
        }
    }

    /** A pending sign-in: the cookie value that finds it (only its hash is stored) and whose it is. */
    public record Pending(String cookieValue, User user, Instant expiresAt) { }

    /** The password was right; now a second factor of one of these kinds. */
    public record SecondFactorNeeded(Pending pending, Set<MfaDeviceKind> kinds) implements Result { }

    /** The password was right, but the user has no MFA device and must register one first. */
    public record EnrolmentNeeded(Pending pending) implements Result { }

    /** A pending sign-in still waiting, with its user and the kinds of second factor they can answer with. */
    public record Waiting(User user, Purpose purpose, Instant expiresAt, Set<MfaDeviceKind> kinds) { }

    /** A browser session that is still active, with its user. */
    public record BrowserSession(PortalSession session, User user) { }

    public Result signIn(String userName, char[] password, RequestContext context) {
        return signIn(userName, password, null, context);
    }

    /** @param rememberedCookie what this browser was given by {@link Remembered}, or null */
    public Result signIn(String userName, char[] password, String rememberedCookie, RequestContext context) {
        List<Subject> throttled = List.of(Subject.of(USER_NAME, userName, ThrottlePolicy.USER_NAME),
                Subject.of(SOURCE_ADDRESS, context.sourceIpAddress(), ThrottlePolicy.SIGN_IN_ADDRESS));
        try {
            // Before the password check: a throttled guess costs no hash, and learns nothing from one.
            throttle.requireAllowed(store.failedAttempts(), throttled, "failed sign-ins");
        } catch (DomainException refused) {
            recordFailure(userName, context, refused.error(), List.of());
            throw refused;
        }
        Optional<User> found = userName == null ? Optional.empty() : store.users().findByUserName(userName.strip());
        boolean passwordMatches = hasher.matches(password == null ? new char[0] : password,
                found.map(User::passwordHash).orElse(unknownUserHash));
        if (found.isEmpty() || !passwordMatches || found.get().passwordHash() == null || !found.get().enabled()) {
            DomainError error = new DomainError.InvalidCredentials();
            recordFailure(userName, context, error, throttled);
            throw new DomainException(error);
        }
        User user = found.get();
        Actor actor = Actor.user(user.userId(), user.userName());
        Instant now = clock.instant();
        DomainError refused = new DomainError.AccessDenied("Your account needs multi-factor authentication, but "
                + "no MFA device is registered for it. Contact your administrator.");
        Result result = store.inTransaction(tx -> {
            throttle.succeeded(tx.failedAttempts(), throttled.getFirst());
            auditPasswordChallenge(tx, context, actor, user.userName(), null);
            List<MfaDevice> devices = confirmedDevices(tx, user.userId());
            boolean remembered = policy.mode() == MfaPolicy.Mode.CONTEXT_AWARE
                    && rememberedBrowsers.recognises(tx, rememberedCookie, user, devices);
            return switch (policy.afterPassword(!devices.isEmpty(), remembered)) {
                case SIGN_IN -> startSession(tx, user, context, remembered ? "rememberedBrowser" : null, null);
                case SECOND_FACTOR -> {
                    Set<MfaDeviceKind> kinds = kindsOf(devices);
                    Pending pending = startPending(tx, user, Purpose.SECOND_FACTOR, now);
                    for (MfaDeviceKind kind : kinds) {
                        audit.success(tx.audit(), context, actor, EventSource.SIGN_IN, "CredentialChallenge",
                                Map.of("userName", user.userName(), "credentialType", kind.name()), Map.of());
                    }
                    yield new SecondFactorNeeded(pending, kinds);
                }
                case ENROL -> new EnrolmentNeeded(startPending(tx, user, Purpose.ENROLMENT, now));
                case REFUSE -> {
                    audit.failure(tx.audit(), context, actor, EventSource.SIGN_IN, "UserAuthentication",
                            Map.of("userName", user.userName(), "credentialType", "PASSWORD"), refused);
                    yield null;
                }
            };
        });
        if (result == null) {
            throw new DomainException(refused);
        }
        return result;
    }

    /** The pending sign-in the cookie names, if it still waits; ExpiredToken when it expired or completed. */
    public Waiting waiting(String pendingCookie) {
        PendingSignIn pending = activePending(pendingCookie);
        User user = store.users().findById(pending.userId()).filter(User::enabled).orElseThrow(SignInService::expired);
        return new Waiting(user, pending.purpose(), pending.expiresAt(), kindsOf(confirmedDevices(store, user.userId())));
    }

    /** The second step with an authenticator app's code; each code works once, wrong ones are throttled. */
    public SignedIn completeWithAuthenticatorApp(String pendingCookie, String code, RequestContext context) {
        User user = notThrottled(pendingCookie, MfaDeviceKind.TOTP, context);
        Optional<MfaDevice> device = apps.verify(user.userId(), code);
        if (device.isEmpty()) {
            throw refuseFactor(pendingCookie, MfaDeviceKind.TOTP, context);
        }
        return complete(pendingCookie, device.get(), context);
    }

    /** A challenge for the pending sign-in's user to sign with one of their security keys or passkeys. */
    public CeremonyStart securityKeyChallenge(String pendingCookie) {
        return keys.startAssertion(waiting(pendingCookie).user().userId());
    }

    /**
     * The second step with a security key or passkey: {@code responseJson} is what the browser answered to the
     * challenge {@code handle}. Refusals count with wrong app codes, so switching factor buys no extra guesses.
     */
    public SignedIn completeWithSecurityKey(String pendingCookie, String handle, String responseJson,
                                            RequestContext context) {
        User user = notThrottled(pendingCookie, MfaDeviceKind.WEBAUTHN, context);
        Optional<MfaDevice> device = keys.finishAssertion(user.userId(), handle, responseJson, context);
        if (device.isEmpty()) {
            throw refuseFactor(pendingCookie, MfaDeviceKind.WEBAUTHN, context);
        }
        return complete(pendingCookie, device.get(), context);
    }

    /** The pending sign-in's user, unless too many wrong second factors wait out their back-off (audited). */
    private User notThrottled(String pendingCookie, MfaDeviceKind kind, RequestContext context) {
        User user = waiting(pendingCookie).user();
        try {
            throttle.requireAllowed(store.failedAttempts(), List.of(secondFactorSubject(user)), "wrong codes");
        } catch (DomainException refused) {
            auditVerification(store, context, user, kind, refused.error(), false);
            throw refused;
        }
        return user;
    }

    /**
     * Counts and audits a wrong second factor of the pending sign-in's user, and returns the error to throw. For
     * every kind of factor, so they share one count.
     */
    private DomainException refuseFactor(String pendingCookie, MfaDeviceKind kind, RequestContext context) {
        User user = waiting(pendingCookie).user();
        DomainError error = new DomainError.InvalidInput("code", kind == MfaDeviceKind.TOTP
                ? "That code is not right, or was already used. Enter the code your authenticator app shows now."
                : "That MFA device was not recognised. Try again.");
        store.inTransaction(tx -> {
            auditVerification(tx, context, user, kind, error, true);
            for (Lockout lockout : throttle.recordFailure(tx.failedAttempts(), List.of(secondFactorSubject(user)))) {
                audit.success(tx.audit(), context, Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN,
                        "UserLockedOut", Map.of("userName", user.userName(), "credentialType", kind.name(),
                                "failures", lockout.failures()), Map.of("lockedUntil", lockout.until().toString()));
            }
            return null;
        });
        return new DomainException(error);
    }

    /**
     * Ends a pending sign-in with a session, given a second factor already verified for its user (an
     * authenticator app's code, a security key's assertion, or the first code of a device just enrolled). The
     * pending sign-in is used up: completing it twice fails.
     */
    private SignedIn complete(String pendingCookie, MfaDevice verified, RequestContext context) {
        Waiting waiting = waiting(pendingCookie);
        User user = waiting.user();
        if (!verified.userId().equals(user.userId()) || !verified.confirmed()) {
            throw new IllegalArgumentException("a second factor of another user, or unconfirmed");
        }
        return store.inTransaction(tx -> {
            if (!tx.pendingSignIns().delete(Secrets.hash(pendingCookie))) {
                // Another request completed it first.
                throw expired();
            }
            throttle.succeeded(tx.failedAttempts(), secondFactorSubject(user));
            auditVerification(tx, context, user, verified.kind(), null, true);
            Remembered remembered = policy.mode() == MfaPolicy.Mode.CONTEXT_AWARE
                    ? rememberedBrowsers.remember(tx, user, confirmedDevices(tx, user.userId())) : null;
            return startSession(tx, user, context, null, verified.kind()).withRemembered(remembered);
        });
    }

    /** Starts registering an authenticator app for a pending sign-in that must enrol one. */
    public Enrolment startEnrolment(String pendingCookie, String name, RequestContext context) {
        User user = enrolling(pendingCookie);
        return apps.startEnrolment(user.userId(), name, Actor.user(user.userId(), user.userName()), context);
    }

    /** The same enrolment again (after a wrong first code), so the QR code already scanned stays valid. */
    public Enrolment resumeEnrolment(String pendingCookie, String deviceId) {
        return apps.resume(enrolling(pendingCookie).userId(), deviceId);
    }

    /** Confirms the app enrolled at sign-in with its first code, and completes the sign-in with it. */
    public SignedIn completeEnrolment(String pendingCookie, String deviceId, String name, String code,
                                      RequestContext context) {
        User user = enrolling(pendingCookie);
        Actor actor = Actor.user(user.userId(), user.userName());
        apps.nameEnrolment(user.userId(), deviceId, name, actor, context);
        MfaDevice device = apps.confirm(user.userId(), deviceId, code, actor, context);
        return complete(pendingCookie, device, context);
    }

    private User enrolling(String pendingCookie) {
        Waiting waiting = waiting(pendingCookie);
        if (waiting.purpose() != Purpose.ENROLMENT) {
            throw expired();
        }
        return waiting.user();
    }

    private PendingSignIn activePending(String pendingCookie) {
        if (pendingCookie == null || pendingCookie.isBlank()) {
            throw expired();
        }
        return store.pendingSignIns().find(Secrets.hash(pendingCookie))
                .filter(p -> p.activeAt(clock.instant()))
                .orElseThrow(SignInService::expired);
    }

    private static DomainException expired() {
        return new DomainException(new DomainError.ExpiredToken(
                "This sign-in has expired or was already completed. Sign in again."));
    }

    private static Subject secondFactorSubject(User user) {
        return Subject.of(SECOND_FACTOR, user.userId(), SECOND_FACTOR_USER);
    }

    private Pending startPending(Store tx, User user, Purpose purpose, Instant now) {
        String cookie = Secrets.newToken("ghp_");
        Instant expiresAt = now.plus(PENDING_LIFETIME);
        tx.pendingSignIns().deleteExpired(now);
        tx.pendingSignIns().insert(new PendingSignIn(Secrets.hash(cookie), user.userId(), purpose, now, expiresAt));
        return new Pending(cookie, user, expiresAt);
    }

    private SignedIn startSession(Store tx, User user, RequestContext context, String skippedBecause,
                                  MfaDeviceKind secondFactor) {
        Instant now = clock.instant();
        String cookie = Secrets.newToken("ghs_");
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), Secrets.hash(cookie),
                SessionKind.BROWSER, user.userId(), null, Secrets.newToken(""), now,
                now.plus(lifetimes.portalSession()), null);
        tx.sessions().insert(session);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("userName", user.userName());
        parameters.put("credentialType", "PASSWORD");
        if (secondFactor != null) {
            parameters.put("mfaType", secondFactor.name());
        }
        if (skippedBecause != null) {
            parameters.put("mfaSkipped", skippedBecause);
        }
        audit.success(tx.audit(), context, Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN,
                "UserAuthentication", parameters, Map.of("result", "Success", "sessionId", session.sessionId()));
        return new SignedIn(session, user, cookie);
    }

    private static Set<MfaDeviceKind> kindsOf(List<MfaDevice> devices) {
        return devices.stream().map(MfaDevice::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MfaDeviceKind.class)));
    }

    private static List<MfaDevice> confirmedDevices(Store tx, String userId) {
        return tx.mfaDevices().listByUser(userId).stream().filter(MfaDevice::confirmed).toList();
    }

    /** A second-factor verification as AWS sign-in logs it ({@code error} null: right). */
    private void auditVerification(Store tx, RequestContext context, User user, MfaDeviceKind kind, DomainError error,
                                   boolean checked) {
        Actor actor = Actor.user(user.userId(), user.userName());
        Map<String, Object> parameters = Map.of("userName", user.userName(), "credentialType", kind.name());
        if (error == null) {
            audit.success(tx.audit(), context, actor, EventSource.SIGN_IN, "CredentialVerification", parameters,
                    Map.of("result", "Success"));
        } else if (checked) {
            audit.failure(tx.audit(), context, actor, EventSource.SIGN_IN, "CredentialVerification", parameters,
                    error);
        } else {
            audit.failure(tx.audit(), context, actor, EventSource.SIGN_IN, "UserAuthentication", parameters, error);
        }
    }

    /** Audits the failed attempt and counts it against {@code counted} (none when the throttle refused it). */
    private void recordFailure(String userName, RequestContext context, DomainError error, List<Subject> counted) {
        store.inTransaction(tx -> {
            if (!counted.isEmpty()) {
                // The password was checked (a throttled attempt never gets that far).
                auditPasswordChallenge(tx, context, Actor.unknown(userName), String.valueOf(userName), error);
            }
            audit.failure(tx.audit(), context, Actor.unknown(userName), EventSource.SIGN_IN, "UserAuthentication",
                    Map.of("userName", String.valueOf(userName), "credentialType", "PASSWORD"), error);
            for (Lockout lockout : throttle.recordFailure(tx.failedAttempts(), counted)) {
                auditLockout(tx, userName, context, lockout);
            }
            return null;
        });
    }

    /** Recorded once per lockout, not per refused attempt; the name may be one that does not exist. */
    private void auditLockout(Store tx, String userName, RequestContext context, Lockout lockout) {
        String event = lockout.subject().kind().equals(USER_NAME) ? "UserLockedOut" : "SourceAddressLockedOut";
        audit.success(tx.audit(), context, Actor.unknown(userName), EventSource.SIGN_IN, event,
                Map.of("userName", String.valueOf(userName), "failures", lockout.failures()),
                Map.of("lockedUntil", lockout.until().toString()));
    }

    /**
     * The password step as AWS sign-in logs it, before the {@code UserAuthentication} that ends the sign-in:
     * the credential asked for, then whether it was right ({@code error} null).
     */
    private void auditPasswordChallenge(Store tx, RequestContext context, Actor actor, String userName,
                                        DomainError error) {
        Map<String, Object> parameters = Map.of("userName", userName, "credentialType", "PASSWORD");
        audit.success(tx.audit(), context, actor, EventSource.SIGN_IN, "CredentialChallenge", parameters, Map.of());
        if (error == null) {
            audit.success(tx.audit(), context, actor, EventSource.SIGN_IN, "CredentialVerification", parameters,
                    Map.of("result", "Success"));
        } else {
            audit.failure(tx.audit(), context, actor, EventSource.SIGN_IN, "CredentialVerification", parameters,
                    error);
        }
    }

    public Optional<BrowserSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.sessions().findBySecretHash(Secrets.hash(cookieValue))
                .filter(s -> s.kind() == SessionKind.BROWSER && s.activeAt(now))
                .flatMap(s -> store.users().findById(s.userId()).filter(User::enabled)
                        .map(u -> new BrowserSession(s, u)));
    }

    public void signOut(BrowserSession browser, RequestContext context) {
        store.inTransaction(tx -> {
            tx.sessions().revoke(browser.session().sessionId(), clock.instant());
            audit.success(tx.audit(), context, Actor.user(browser.user().userId(), browser.user().userName()),
                    EventSource.SIGN_IN, "SignOut", Map.of("sessionId", browser.session().sessionId()), Map.of());
            return null;
        });
    }
}
