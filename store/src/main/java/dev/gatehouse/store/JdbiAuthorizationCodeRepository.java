package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.AuthorizationCode;
import dev.gatehouse.core.oidc.AuthorizationCodeRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiAuthorizationCodeRepository implements AuthorizationCodeRepository {

    private static final String COLUMNS = """
            code_hash, client_id, user_id, redirect_uri, code_challenge, scopes, created_at, expires_at, used_at,
            session_id""";

    private final Handles handles;

    JdbiAuthorizationCodeRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(AuthorizationCode code) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, code_challenge,
                               scopes, created_at, expires_at, used_at, session_id)
                        VALUES (:codeHash, :clientId, :userId, :redirectUri, :codeChallenge, :scopes, :createdAt,
                                :expiresAt, :usedAt, :sessionId)""")
                        .bind("codeHash", code.codeHash())
                        .bind("clientId", code.clientId())
                        .bind("userId", code.userId())
                        .bind("redirectUri", code.redirectUri())
                        .bind("codeChallenge", code.codeChallenge())
                        .bind("scopes", Json.write(code.scopes()))
                        .bind("createdAt", EpochNanos.of(code.createdAt()))
                        .bind("expiresAt", EpochNanos.of(code.expiresAt()))
                        .bind("usedAt", EpochNanos.of(code.usedAt()))
                        .bind("sessionId", code.sessionId())
                        .execute(),
                violation -> DomainException.exists("AuthorizationCode", "(code)")));
    }

    @Override
    public Optional<AuthorizationCode> findByCodeHash(String codeHash) {
        return handles.call(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM authorization_codes WHERE code_hash = :codeHash")
                .bind("codeHash", codeHash)
                .map(JdbiAuthorizationCodeRepository::map)
                .findOne());
    }

    @Override
    public boolean markUsed(String codeHash, String sessionId, Instant at) {
        return handles.call(h -> h.createUpdate("""
                        UPDATE authorization_codes SET used_at = :at, session_id = :sessionId
                        WHERE code_hash = :codeHash AND used_at IS NULL""")
                .bind("at", EpochNanos.of(at))
                .bind("sessionId", sessionId)
                .bind("codeHash", codeHash)
                .execute()) == 1;
    }

    private static AuthorizationCode map(ResultSet row, StatementContext context) throws SQLException {
        return new AuthorizationCode(row.getString("code_hash"), row.getString("client_id"), row.getString("user_id"),
                row.getString("redirect_uri"), row.getString("code_challenge"), Json.strings(row.getString("scopes")),
                EpochNanos.read(row, "created_at"), EpochNanos.read(row, "expires_at"), EpochNanos.read(row, "used_at"),
                row.getString("session_id"));
    }
}
