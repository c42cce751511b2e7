package dev.gatehouse.core.session;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The active sessions of a user, as people see them in the portal (their own) and administrators in the
 * console (anyone's), and ending them. Ending a session makes every token issued under it fail on the next
 * request, because each use looks the session up.
 */
public final class SessionService {

    private final SessionRepository sessions;
    private final ClientNames clientNames;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;

    public SessionService(SessionRepository sessions, ClientNames clientNames, Transactions transactions, Clock clock,
                          AuditLog audit) {
        this.sessions = sessions;
        this.clientNames = clientNames;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A session with what a person needs to recognise it.
     *
     * @param clientName the OIDC client's registered name (e.g. {@code botocore-client-dev}), null for a browser
     */
    public record ActiveSession(PortalSession session, String clientName) { }

    /** Newest first. */
    public List<ActiveSession> activeSessionsOf(String userId) {
        return sessions.activeSessionsOf(userId, clock.instant()).stream()
                .sorted(Comparator.comparing(PortalSession::createdAt).reversed())
                .map(s -> new ActiveSession(s, s.clientId() == null ? null
                        : clientNames.nameOf(s.clientId()).orElse(null)))
                .toList();
    }

    /** Every user's active sessions, browser and CLI alike: one count query. */
    public long activeCount() {
        return sessions.countActive(clock.instant());
    }

    /** Ends one session of {@code owner}; another user's session id is NotFound, so ids cannot be probed. */
    public void revoke(SessionOwner owner, String sessionId, Actor actor, RequestContext context) {
        transactions.run(() -> {
            PortalSession session = sessions.findById(sessionId == null ? "" : sessionId)
                    .filter(s -> s.userId().equals(owner.userId()) && s.activeAt(clock.instant()))
                    .orElseThrow(() -> new DomainException(new DomainError.NotFound("Session", sessionId,
                            "That session does not exist or has already ended")));
            sessions.revoke(session.sessionId(), clock.instant());
            audit.as(actor, EventSource.SIGN_IN, context).success("RevokeSession",
                    Map.of("userName", owner.userName(), "sessionId", session.sessionId()));
        });
    }

    /** Ends every session of {@code owner}; returns how many were active. */
    public int revokeAll(SessionOwner owner, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            int ended = sessions.revokeAllOf(owner.userId(), clock.instant());
            audit.as(actor, EventSource.SIGN_IN, context).success("RevokeAllSessions",
                    Map.of("userName", owner.userName()), Map.of("revoked", ended));
            return ended;
        });
    }
}
