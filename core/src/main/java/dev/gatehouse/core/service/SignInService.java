package dev.gatehouse.core.service;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.model.PortalSession;
import dev.gatehouse.core.model.SessionKind;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.port.PasswordHasher;
import dev.gatehouse.core.port.Store;
import dev.gatehouse.core.security.Throttle;
import dev.gatehouse.core.security.Throttle.Lockout;
import dev.gatehouse.core.security.Throttle.Subject;
import dev.gatehouse.core.security.ThrottlePolicy;
import dev.gatehouse.core.token.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Password sign-in into a browser session, and finding that session again from its cookie. Failures are
 * throttled per user name and per source address (see {@link ThrottlePolicy}); a name that does not exist is
 * counted and answered exactly like one that does, so neither the message nor the timing tells them apart.
 */
public final class SignInService {

    private static final String USER_NAME = "userName";
    private static final String SOURCE_ADDRESS = "sourceAddress";

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Lifetimes lifetimes;
    private final String unknownUserHash;
    private final Throttle throttle;

    public SignInService(Store store, Clock clock, AuditLog audit, PasswordHasher hasher, Lifetimes lifetimes) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
        this.lifetimes = lifetimes;
        // Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
        this.unknownUserHash = hasher.hash(Secrets.newToken("").toCharArray());
        this.throttle = new Throttle(clock);
    }

    /** A browser session and the cookie value that finds it (only its hash is stored). */
    public record SignedIn(PortalSession session, User user, String cookieValue) { }

    /** A browser session that is still active, with its user. */
    public record BrowserSession(PortalSession session, User user) { }

    public SignedIn signIn(String userName, char[] password, RequestContext context) {
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
        Instant now = clock.instant();
        String cookie = Secrets.newToken("ghs_");
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), Secrets.hash(cookie),
                SessionKind.BROWSER, user.userId(), null, Secrets.newToken(""), now,
                now.plus(lifetimes.portalSession()), null);
        store.inTransaction(tx -> {
            throttle.succeeded(tx.failedAttempts(), throttled.getFirst());
            tx.sessions().insert(session);
            auditPasswordChallenge(tx, context, Actor.user(user.userId(), user.userName()), user.userName(), null);
            audit.success(tx.audit(), context, Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN,
                    "UserAuthentication", Map.of("userName", user.userName(), "credentialType", "PASSWORD"),
                    Map.of("result", "Success", "sessionId", session.sessionId()));
            return null;
        });
        return new SignedIn(session, user, cookie);
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
