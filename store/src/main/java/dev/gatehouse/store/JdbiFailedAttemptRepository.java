package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.throttle.FailedAttemptRepository;
import dev.gatehouse.core.throttle.FailedAttempts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiFailedAttemptRepository implements FailedAttemptRepository {

    private final Handles handles;

    JdbiFailedAttemptRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<FailedAttempts> find(String subject) {
        return handles.call(h -> find(h, subject));
    }

    /**
     * Counts in the UPDATE itself, so concurrent failures on several nodes each add one. The first failure
     * inserts; when another node inserted the same subject in between, its row is counted into instead.
     */
    @Override
    public FailedAttempts recordFailure(String subject, Instant at, Instant forgetBefore) {
        return handles.atomically(h -> {
            if (countInto(h, subject, at, forgetBefore) == 0 && !inserted(h, subject, at)) {
                countInto(h, subject, at, forgetBefore);
            }
            return find(h, subject).orElseThrow();
        });
    }

    @Override
    public void lock(String subject) {
        handles.call(h -> h.createQuery("SELECT subject FROM failed_attempts WHERE subject = :subject FOR UPDATE")
                .bind("subject", subject)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void clear(String subject) {
        handles.call(h -> h.createUpdate("DELETE FROM failed_attempts WHERE subject = :subject")
                .bind("subject", subject)
                .execute());
    }

    private static int countInto(Handle h, String subject, Instant at, Instant forgetBefore) {
        return h.createUpdate("""
                        UPDATE failed_attempts
                        SET failures = CASE WHEN last_failure_at < :forgetBefore THEN 1 ELSE failures + 1 END,
                            last_failure_at = :at
                        WHERE subject = :subject""")
                .bind("forgetBefore", EpochNanos.of(forgetBefore))
                .bind("at", EpochNanos.of(at))
                .bind("subject", subject)
                .execute();
    }

    private static boolean inserted(Handle h, String subject, Instant at) {
        try {
            Constraints.guarded(h, () -> h.createUpdate("""
                            INSERT INTO failed_attempts (subject, failures, last_failure_at)
                            VALUES (:subject, 1, :at)""")
                            .bind("subject", subject)
                            .bind("at", EpochNanos.of(at))
                            .execute(),
                    violation -> violation.duplicate() ? DomainException.exists("FailedAttempts", "(subject)") : null);
            return true;
        } catch (DomainException raced) {
            return false;
        }
    }

    private static Optional<FailedAttempts> find(Handle h, String subject) {
        return h.createQuery("SELECT subject, failures, last_failure_at FROM failed_attempts WHERE subject = :subject")
                .bind("subject", subject)
                .map(JdbiFailedAttemptRepository::map)
                .findOne();
    }

    private static FailedAttempts map(ResultSet row, StatementContext context) throws SQLException {
        return new FailedAttempts(row.getString("subject"), row.getInt("failures"),
                EpochNanos.read(row, "last_failure_at"));
    }
}
