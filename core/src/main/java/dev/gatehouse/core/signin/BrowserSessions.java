package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Browser sessions: started by the step that ends a sign-in, found again from their cookie, and ended. */
public final class BrowserSessions {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Lifetimes lifetimes;

    public BrowserSessions(SessionRepository sessions, UserRepository users, Transactions transactions, Clock clock,
                           AuditLog audit, Lifetimes lifetimes) {
        this.sessions = sessions;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.lifetimes = lifetimes;
    }

    /**
     * Starts a session for {@code user}, in the transaction of the step that signed them in, and audits the
     * sign-in as AWS does ({@code UserAuthentication}).
     *
     * @param secondFactor   the kind of second factor that was verified, or null
     * @param skippedBecause why the second factor was not asked for, or null
     */
    SignedIn start(User user, MfaDeviceKind secondFactor, String skippedBecause, RequestContext context) {
        return start(user, SignInAudit.credential(user.userName(), SignInAudit.PASSWORD), secondFactor,
                skippedBecause, context);
    }

    /** @param credential how the first factor was checked, as the audit event's parameters say it */
    SignedIn start(User user, Map<String, Object> credential, MfaDeviceKind secondFactor, String skippedBecause,
                   RequestContext context) {
        Instant now = clock.instant();
        String cookie = Secrets.newToken("ghs_");
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), Secrets.hash(cookie),
                SessionKind.BROWSER, user.userId(), null, Secrets.newToken(""), now,
                now.plus(lifetimes.portalSession()), null);
        sessions.insert(session);
        Map<String, Object> parameters = new LinkedHashMap<>(credential);
        if (secondFactor != null) {
            parameters.put("mfaType", secondFactor.name());
        }
        if (skippedBecause != null) {
            parameters.put("mfaSkipped", skippedBecause);
        }
        audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context).success(
                "UserAuthentication", parameters, Map.of("result", "Success", "sessionId", session.sessionId()));
        return new SignedIn(session, user, cookie);
    }

    /** The active browser session the cookie names, with its user, if the user is still enabled. */
    public Optional<BrowserSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findBySecretHash(Secrets.hash(cookieValue))
                .filter(s -> s.kind() == SessionKind.BROWSER && s.activeAt(now))
                .flatMap(s -> users.findById(s.userId()).filter(User::enabled).map(u -> new BrowserSession(s, u)));
    }

    public void signOut(BrowserSession browser, RequestContext context) {
        User user = browser.user();
        transactions.run(() -> {
            sessions.revoke(browser.session().sessionId(), clock.instant());
            audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context)
                    .success("SignOut", Map.of("sessionId", browser.session().sessionId()));
        });
    }
}
