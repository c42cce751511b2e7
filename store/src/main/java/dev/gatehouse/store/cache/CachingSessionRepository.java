package dev.gatehouse.store.cache;

import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.session.TokenType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions by id and access tokens by hash, read on every authenticated call. A browser cookie's hash maps to its
 * session id (which never changes), and the session itself comes from the session cache, so one revocation
 * invalidates one entry. Refresh tokens are read from the database each time: their use is what detects reuse.
 */
final class CachingSessionRepository implements SessionRepository {

    private final SessionRepository delegate;
    private final Invalidations invalidations;

    CachingSessionRepository(SessionRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(PortalSession session) {
        delegate.insert(session);
        invalidations.inserted(CacheName.SESSIONS, session.sessionId());
        if (session.secretHash() != null) {
            invalidations.inserted(CacheName.SESSION_IDS_BY_SECRET, session.secretHash());
        }
    }

    @Override
    public Optional<PortalSession> findById(String sessionId) {
        return Optional.ofNullable(invalidations.read(CacheName.SESSIONS, sessionId,
                () -> delegate.findById(sessionId).orElse(null)));
    }

    @Override
    public Optional<PortalSession> findBySecretHash(String secretHash) {
        String sessionId = invalidations.read(CacheName.SESSION_IDS_BY_SECRET, secretHash,
                () -> delegate.findBySecretHash(secretHash).map(PortalSession::sessionId).orElse(null));
        return sessionId == null ? Optional.empty()
                : findById(sessionId).filter(session -> secretHash.equals(session.secretHash()));
    }

    @Override
    public List<PortalSession> activeSessionsOf(String userId, Instant now) {
        return delegate.activeSessionsOf(userId, now);
    }

    @Override
    public boolean revoke(String sessionId, Instant at) {
        boolean changed = delegate.revoke(sessionId, at);
        invalidations.changed(CacheName.SESSIONS, sessionId);
        return changed;
    }

    @Override
    public int revokeAllOf(String userId, Instant at) {
        int changed = delegate.revokeAllOf(userId, at);
        invalidations.changedAll(CacheName.SESSIONS);
        return changed;
    }

    @Override
    public int revokeAllBrowser(Instant at) {
        int changed = delegate.revokeAllBrowser(at);
        invalidations.changedAll(CacheName.SESSIONS);
        return changed;
    }

    @Override
    public void insertToken(IssuedToken token) {
        delegate.insertToken(token);
        invalidations.inserted(CacheName.ACCESS_TOKENS, token.tokenHash());
    }

    @Override
    public void insertTokens(List<IssuedToken> tokens) {
        delegate.insertTokens(tokens);
        tokens.forEach(token -> invalidations.inserted(CacheName.ACCESS_TOKENS, token.tokenHash()));
    }

    @Override
    public Optional<IssuedToken> findToken(String tokenHash) {
        return Optional.ofNullable(invalidations.read(CacheName.ACCESS_TOKENS, tokenHash,
                () -> delegate.findToken(tokenHash).orElse(null), token -> token.type() == TokenType.ACCESS));
    }

    @Override
    public boolean markTokenUsed(String tokenHash, Instant at) {
        return delegate.markTokenUsed(tokenHash, at);   // refresh tokens only, which are never cached
    }

    @Override
    public long countActive(Instant now) {
        return delegate.countActive(now);
    }
}
