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
import dev.gatehouse.core.token.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Password sign-in into a browser session, and finding that session again from its cookie. */
public final class SignInService {

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Lifetimes lifetimes;
    private final String unknownUserHash;

    public SignInService(Store store, Clock clock, AuditLog audit, PasswordHasher hasher, Lifetimes lifetimes) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
        this.lifetimes = lifetimes;
        // Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
        this.unknownUserHash = hasher.hash(Secrets.newToken("").toCharArray());
    }

    /** A browser session and the cookie value that finds it (only its hash is stored). */
    public record SignedIn(PortalSession session, User user, String cookieValue) { }

    /** A browser session that is still active, with its user. */
    public record BrowserSession(PortalSession session, User user) { }

    public SignedIn signIn(String userName, char[] password, RequestContext context) {
        Optional<User> found = userName == null ? Optional.empty() : store.users().findByUserName(userName.strip());
        boolean passwordMatches = hasher.matches(password == null ? new char[0] : password,
                found.map(User::passwordHash).orElse(unknownUserHash));
        if (found.isEmpty() || !passwordMatches || found.get().passwordHash() == null || !found.get().enabled()) {
            DomainError error = new DomainError.InvalidCredentials();
            store.inTransaction(tx -> {
                auditPasswordChallenge(tx, context, Actor.unknown(userName), String.valueOf(userName), error);
                audit.failure(tx.audit(), context, Actor.unknown(userName), EventSource.SIGN_IN,
                        "UserAuthentication", Map.of("userName", String.valueOf(userName),
                                "credentialType", "PASSWORD"), error);
                return null;
            });
            throw new DomainException(error);
        }
        User user = found.get();
        Instant now = clock.instant();
        String cookie = Secrets.newToken("ghs_");
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), Secrets.hash(cookie),
                SessionKind.BROWSER, user.userId(), null, Secrets.newToken(""), now,
                now.plus(lifetimes.portalSession()), null);
        store.inTransaction(tx -> {
            tx.sessions().insert(session);
            auditPasswordChallenge(tx, context, Actor.user(user.userId(), user.userName()), user.userName(), null);
            audit.success(tx.audit(), context, Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN,
                    "UserAuthentication", Map.of("userName", user.userName(), "credentialType", "PASSWORD"),
                    Map.of("result", "Success", "sessionId", session.sessionId()));
            return null;
        });
        return new SignedIn(session, user, cookie);
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
