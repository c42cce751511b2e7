package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.session.TokenType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbiSessionRepository implements SessionRepository {

    private static final String SESSION_COLUMNS = """
            session_id, secret_hash, kind, user_id, client_id, csrf_token, created_at, expires_at, revoked_at""";
    private static final String TOKEN_COLUMNS = """
            token_hash, token_type, session_id, client_id, issued_at, expires_at, used_at""";

    private final Handles handles;

    JdbiSessionRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(PortalSession session) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO sessions (session_id, secret_hash, kind, user_id, client_id, csrf_token, created_at,
                               expires_at, revoked_at)
                        VALUES (:sessionId, :secretHash, :kind, :userId, :clientId, :csrfToken, :createdAt, :expiresAt,
                                :revokedAt)""")
                        .bind("sessionId", session.sessionId())
                        .bind("secretHash", session.secretHash())
                        .bind("kind", session.kind().name())
                        .bind("userId", session.userId())
                        .bind("clientId", session.clientId())
                        .bind("csrfToken", session.csrfToken())
                        .bind("createdAt", EpochNanos.of(session.createdAt()))
                        .bind("expiresAt", EpochNanos.of(session.expiresAt()))
                        .bind("revokedAt", EpochNanos.of(session.revokedAt()))
                        .execute(),
                violation -> DomainException.exists("Session", session.sessionId())));
    }

    @Override
    public Optional<PortalSession> findById(String sessionId) {
        return handles.call(h -> h.createQuery("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE session_id = :sessionId")
                .bind("sessionId", sessionId)
                .map(JdbiSessionRepository::mapSession)
                .findOne());
    }

    @Override
    public Optional<PortalSession> findBySecretHash(String secretHash) {
        return handles.call(h -> h.createQuery("SELECT " + SESSION_COLUMNS + " FROM sessions WHERE secret_hash = :secretHash")
                .bind("secretHash", secretHash)
                .map(JdbiSessionRepository::mapSession)
                .findOne());
    }

    /** Oldest first. */
    @Override
    public List<PortalSession> activeSessionsOf(String userId, Instant now) {
        return handles.call(h -> h.createQuery("SELECT " + SESSION_COLUMNS + """
                         FROM sessions
                        WHERE user_id = :userId AND expires_at > :now AND revoked_at IS NULL
                        ORDER BY created_at, session_id""")
                .bind("userId", userId)
                .bind("now", EpochNanos.of(now))
                .map(JdbiSessionRepository::mapSession)
                .list());
    }

    @Override
    public long countActive(Instant now) {
        return handles.call(h -> h.createQuery(
                        "SELECT COUNT(*) FROM sessions WHERE expires_at > :now AND revoked_at IS NULL")
                .bind("now", EpochNanos.of(now))
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean revoke(String sessionId, Instant at) {
        return handles.call(h -> h.createUpdate(
                        "UPDATE sessions SET revoked_at = :at WHERE session_id = :sessionId AND revoked_at IS NULL")
                .bind("at", EpochNanos.of(at))
                .bind("sessionId", sessionId)
                .execute()) > 0;
    }

    @Override
    public int revokeAllOf(String userId, Instant at) {
        return handles.call(h -> h.createUpdate(
                        "UPDATE sessions SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
                .bind("at", EpochNanos.of(at))
                .bind("userId", userId)
                .execute());
    }

    @Override
    public int revokeAllBrowser(Instant at) {
        return handles.call(h -> h.createUpdate(
                        "UPDATE sessions SET revoked_at = :at WHERE kind = :kind AND revoked_at IS NULL")
                .bind("at", EpochNanos.of(at))
                .bind("kind", SessionKind.BROWSER.name())
                .execute());
    }

    @Override
    public void insertToken(IssuedToken token) {
        insertTokens(List.of(token));
    }

    /**
     * One statement for all rows. No savepoint: a token hash is 256 random bits and its session is the caller's, so
     * a violation means a broken caller, whose transaction is rolled back whole.
     */
    @Override
    public void insertTokens(List<IssuedToken> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO issued_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        sql.append(", (?, ?, ?, ?, ?, ?, ?)".repeat(tokens.size() - 1));
        handles.call(h -> Constraints.translated(() -> {
                    Update insert = h.createUpdate(sql.toString());
                    int position = 0;
                    for (IssuedToken token : tokens) {
                        insert.bind(position++, token.tokenHash())
                                .bind(position++, token.type().name())
                                .bind(position++, token.sessionId())
                                .bind(position++, token.clientId())
                                .bind(position++, EpochNanos.of(token.issuedAt()))
                                .bind(position++, EpochNanos.of(token.expiresAt()))
                                .bind(position++, EpochNanos.of(token.usedAt()));
                    }
                    return insert.execute();
                },
                violation -> violation.duplicate()
                        ? DomainException.exists("Token", "(token)")
                        : DomainException.notFound("Session", tokens.getFirst().sessionId())));
    }

    @Override
    public Optional<IssuedToken> findToken(String tokenHash) {
        return handles.call(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM issued_tokens WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map(JdbiSessionRepository::mapToken)
                .findOne());
    }

    @Override
    public boolean markTokenUsed(String tokenHash, Instant at) {
        return handles.call(h -> h.createUpdate(
                        "UPDATE issued_tokens SET used_at = :at WHERE token_hash = :tokenHash AND used_at IS NULL")
                .bind("at", EpochNanos.of(at))
                .bind("tokenHash", tokenHash)
                .execute()) > 0;
    }

    private static PortalSession mapSession(ResultSet row, StatementContext context) throws SQLException {
        return new PortalSession(row.getString("session_id"), row.getString("secret_hash"),
                SessionKind.valueOf(row.getString("kind")), row.getString("user_id"), row.getString("client_id"),
                row.getString("csrf_token"), EpochNanos.read(row, "created_at"), EpochNanos.read(row, "expires_at"),
                EpochNanos.read(row, "revoked_at"));
    }

    /** By position, in TOKEN_COLUMNS' order: read on every refresh grant and every uncached bearer token. */
    private static IssuedToken mapToken(ResultSet row, StatementContext context) throws SQLException {
        return new IssuedToken(row.getString(1), TokenType.valueOf(row.getString(2)), row.getString(3),
                row.getString(4), EpochNanos.read(row, 5), EpochNanos.read(row, 6), EpochNanos.read(row, 7));
    }
}
