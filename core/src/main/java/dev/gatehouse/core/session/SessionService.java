package dev.gatehouse.core.session;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistration;
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

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;

    public SessionService(Store store, Clock clock, AuditLog audit) {
        this.store = store;
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
        return store.sessions().activeSessionsOf(userId, clock.instant()).stream()
                .sorted(Comparator.comparing(PortalSession::createdAt).reversed())
                .map(s -> new ActiveSession(s, s.clientId() == null ? null
                        : store.clients().findById(s.clientId()).map(ClientRegistration::clientName).orElse(null)))
                .toList();
    }

    /** Ends one session of {@code owner}; another user's session id is NotFound, so ids cannot be probed. */
    public void revoke(User owner, String sessionId, Actor actor, RequestContext context) {
        store.inTransaction(tx -> {
            PortalSession session = tx.sessions().findById(sessionId == null ? "" : sessionId)
                    .filter(s -> s.userId().equals(owner.userId()) && s.activeAt(clock.instant()))
                    .orElseThrow(() -> new DomainException(new DomainError.NotFound("Session", sessionId,
                            "That session does not exist or has already ended")));
            tx.sessions().revoke(session.sessionId(), clock.instant());
            audit.success(tx.audit(), context, actor, EventSource.SIGN_IN, "RevokeSession",
                    Map.of("userName", owner.userName(), "sessionId", session.sessionId()), Map.of());
            return null;
        });
    }

    /** Ends every session of {@code owner}; returns how many were active. */
    public int revokeAll(User owner, Actor actor, RequestContext context) {
        return store.inTransaction(tx -> {
            int ended = tx.sessions().revokeAllOf(owner.userId(), clock.instant());
            audit.success(tx.audit(), context, actor, EventSource.SIGN_IN, "RevokeAllSessions",
                    Map.of("userName", owner.userName()), Map.of("revoked", ended));
            return ended;
        });
    }
}
