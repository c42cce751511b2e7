package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.signin.PendingSignIn;
import dev.gatehouse.core.signin.PendingSignInRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Pending sign-ins go with their user, by foreign key. */
final class JdbiPendingSignInRepository implements PendingSignInRepository {

    private final Handles handles;

    JdbiPendingSignInRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(PendingSignIn pending) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO pending_sign_ins (secret_hash, user_id, purpose, created_at, expires_at)
                        VALUES (:secretHash, :userId, :purpose, :createdAt, :expiresAt)""")
                        .bind("secretHash", pending.secretHash())
                        .bind("userId", pending.userId())
                        .bind("purpose", pending.purpose().name())
                        .bind("createdAt", EpochNanos.of(pending.createdAt()))
                        .bind("expiresAt", EpochNanos.of(pending.expiresAt()))
                        .execute(),
                violation -> violation.duplicate() ? DomainException.exists("PendingSignIn", "(secret)")
                        : DomainException.notFound("User", pending.userId())));
    }

    @Override
    public Optional<PendingSignIn> find(String secretHash) {
        return handles.call(h -> h.createQuery("""
                        SELECT secret_hash, user_id, purpose, created_at, expires_at
                        FROM pending_sign_ins WHERE secret_hash = :secretHash""")
                .bind("secretHash", secretHash)
                .map(JdbiPendingSignInRepository::map)
                .findOne());
    }

    @Override
    public boolean delete(String secretHash) {
        return handles.call(h -> h.createUpdate("DELETE FROM pending_sign_ins WHERE secret_hash = :secretHash")
                .bind("secretHash", secretHash)
                .execute()) > 0;
    }

    @Override
    public int deleteExpired(Instant now) {
        return handles.call(h -> h.createUpdate("DELETE FROM pending_sign_ins WHERE expires_at < :now")
                .bind("now", EpochNanos.of(now))
                .execute());
    }

    private static PendingSignIn map(ResultSet row, StatementContext context) throws SQLException {
        return new PendingSignIn(row.getString("secret_hash"), row.getString("user_id"),
                PendingSignIn.Purpose.valueOf(row.getString("purpose")), EpochNanos.read(row, "created_at"),
                EpochNanos.read(row, "expires_at"));
    }
}
