package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Portal sessions (never deleted, only revoked, so they stay as history) and the tokens issued under them; a
 * browser session's cookie hash is unique, token sessions have none.
 */
final class InMemorySessions implements SessionRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemorySessions(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(PortalSession session) {
        statements.run(() -> {
            boolean secretTaken = session.secretHash() != null && tables.sessions.rows()
                    .anyMatch(s -> session.secretHash().equals(s.secretHash()));
            if (secretTaken || tables.sessions.contains(session.sessionId())) {
                throw DomainException.exists("Session", session.sessionId());
            }
            tables.sessions.put(session.sessionId(), session);
        });
    }

    @Override
    public Optional<PortalSession> findById(String sessionId) {
        return statements.read("SessionRepository.findById", () -> tables.sessions.get(sessionId));
    }

    @Override
    public Optional<PortalSession> findBySecretHash(String secretHash) {
        return statements.read("SessionRepository.findBySecretHash", () -> tables.sessions.rows()
                .filter(s -> s.secretHash() != null && s.secretHash().equals(secretHash))
                .findFirst());
    }

    /** Oldest first. */
    @Override
    public List<PortalSession> activeSessionsOf(String userId, Instant now) {
        return statements.read("SessionRepository.activeSessionsOf", () -> tables.sessions.rows()
                .filter(s -> s.userId().equals(userId) && s.expiresAt().isAfter(now) && s.revokedAt() == null)
                .sorted(Comparator.comparing(PortalSession::createdAt).thenComparing(PortalSession::sessionId))
                .toList());
    }

    @Override
    public long countActive(Instant now) {
        return statements.read("SessionRepository.countActive", () -> tables.sessions.rows()
                .filter(s -> s.expiresAt().isAfter(now) && s.revokedAt() == null)
                .count());
    }

    @Override
    public boolean revoke(String sessionId, Instant at) {
        return statements.write(() -> tables.sessions.get(sessionId)
                .filter(s -> s.revokedAt() == null)
                .map(s -> {
                    tables.sessions.put(sessionId, revoked(s, at));
                    return true;
                })
                .orElse(false));
    }

    @Override
    public int revokeAllOf(String userId, Instant at) {
        return statements.write(() -> {
            List<PortalSession> unrevoked = tables.sessions.rows()
                    .filter(s -> s.userId().equals(userId) && s.revokedAt() == null).toList();
            unrevoked.forEach(s -> tables.sessions.put(s.sessionId(), revoked(s, at)));
            return unrevoked.size();
        });
    }

    @Override
    public int revokeAllBrowser(Instant at) {
        return statements.write(() -> {
            List<PortalSession> unrevoked = tables.sessions.rows()
                    .filter(s -> s.kind() == SessionKind.BROWSER && s.revokedAt() == null).toList();
            unrevoked.forEach(s -> tables.sessions.put(s.sessionId(), revoked(s, at)));
            return unrevoked.size();
        });
    }

    private static PortalSession revoked(PortalSession s, Instant at) {
        return new PortalSession(s.sessionId(), s.secretHash(), s.kind(), s.userId(), s.clientId(), s.csrfToken(),
                s.createdAt(), s.expiresAt(), at);
    }

    @Override
    public void insertToken(IssuedToken token) {
        statements.run(() -> {
            if (tables.issuedTokens.contains(token.tokenHash())) {
                throw DomainException.exists("Token", "(token)");
            }
            if (!tables.sessions.contains(token.sessionId())) {
                throw DomainException.notFound("Session", token.sessionId());
            }
            tables.issuedTokens.put(token.tokenHash(), token);
        });
    }

    @Override
    public Optional<IssuedToken> findToken(String tokenHash) {
        return statements.read("SessionRepository.findToken", () -> tables.issuedTokens.get(tokenHash));
    }

    @Override
    public boolean markTokenUsed(String tokenHash, Instant at) {
        return statements.write(() -> tables.issuedTokens.get(tokenHash)
                .filter(t -> t.usedAt() == null)
                .map(t -> {
                    tables.issuedTokens.put(tokenHash, new IssuedToken(t.tokenHash(), t.type(), t.sessionId(),
                            t.clientId(), t.issuedAt(), t.expiresAt(), at));
                    return true;
                })
                .orElse(false));
    }
}
