package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.password.ActivationLink;
import dev.gatehouse.core.password.ActivationRepository;
import java.time.Instant;
import java.util.Optional;

/** Links go with their user, by foreign key. */
final class JdbiActivationRepository implements ActivationRepository {

    private final Handles handles;

    JdbiActivationRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(ActivationLink link) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO activation_links (token_hash, user_id, created_at, expires_at, used_at)
                        VALUES (:tokenHash, :userId, :createdAt, :expiresAt, :usedAt)""")
                        .bind("tokenHash", link.tokenHash())
                        .bind("userId", link.userId())
                        .bind("createdAt", EpochNanos.of(link.createdAt()))
                        .bind("expiresAt", EpochNanos.of(link.expiresAt()))
                        .bind("usedAt", EpochNanos.of(link.usedAt()))
                        .execute(),
                violation -> violation.duplicate()
                        ? DomainException.exists("ActivationLink", "(token)")
                        : DomainException.notFound("User", link.userId())));
    }

    @Override
    public Optional<ActivationLink> findByTokenHash(String tokenHash) {
        return handles.call(h -> h.createQuery("""
                        SELECT token_hash, user_id, created_at, expires_at, used_at FROM activation_links
                        WHERE token_hash = :tokenHash""")
                .bind("tokenHash", tokenHash)
                .map((row, context) -> new ActivationLink(row.getString("token_hash"), row.getString("user_id"),
                        EpochNanos.read(row, "created_at"), EpochNanos.read(row, "expires_at"),
                        EpochNanos.read(row, "used_at")))
                .findOne());
    }

    @Override
    public boolean markUsed(String tokenHash, Instant at) {
        return handles.call(h -> h.createUpdate(
                        "UPDATE activation_links SET used_at = :at WHERE token_hash = :tokenHash AND used_at IS NULL")
                .bind("at", EpochNanos.of(at))
                .bind("tokenHash", tokenHash)
                .execute()) > 0;
    }

    @Override
    public int markAllUsedOf(String userId, Instant at) {
        return handles.call(h -> h.createUpdate(
                        "UPDATE activation_links SET used_at = :at WHERE user_id = :userId AND used_at IS NULL")
                .bind("at", EpochNanos.of(at))
                .bind("userId", userId)
                .execute());
    }
}
