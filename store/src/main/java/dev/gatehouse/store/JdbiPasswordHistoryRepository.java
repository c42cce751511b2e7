package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.password.PasswordHistoryRepository;
import java.time.Instant;
import java.util.List;

/** Entries go with their user, by foreign key. */
final class JdbiPasswordHistoryRepository implements PasswordHistoryRepository {

    private final Handles handles;

    JdbiPasswordHistoryRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public List<String> latest(String userId) {
        return handles.call(h -> h.createQuery("""
                        SELECT password_hash FROM password_history WHERE user_id = :userId
                        ORDER BY generation DESC""")
                .bind("userId", userId)
                .mapTo(String.class)
                .list());
    }

    /** The next generation is counted from the stored ones; two passwords of one user never race (one link each). */
    @Override
    public void record(String userId, String passwordHash, Instant setAt, int keep) {
        handles.atomically(h -> {
            int generation = h.createQuery(
                            "SELECT COALESCE(MAX(generation), 0) + 1 FROM password_history WHERE user_id = :userId")
                    .bind("userId", userId)
                    .mapTo(Integer.class)
                    .one();
            Constraints.guarded(h, () -> h.createUpdate("""
                            INSERT INTO password_history (user_id, generation, password_hash, set_at)
                            VALUES (:userId, :generation, :passwordHash, :setAt)""")
                            .bind("userId", userId)
                            .bind("generation", generation)
                            .bind("passwordHash", passwordHash)
                            .bind("setAt", EpochNanos.of(setAt))
                            .execute(),
                    violation -> violation.duplicate() ? null : DomainException.notFound("User", userId));
            return h.createUpdate("DELETE FROM password_history WHERE user_id = :userId AND generation <= :oldest")
                    .bind("userId", userId)
                    .bind("oldest", generation - keep)
                    .execute();
        });
    }
}
