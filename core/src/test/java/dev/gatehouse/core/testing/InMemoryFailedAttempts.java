package dev.gatehouse.core.testing;

import dev.gatehouse.core.throttle.FailedAttemptRepository;
import dev.gatehouse.core.throttle.FailedAttempts;
import java.time.Instant;
import java.util.Optional;

/** The throttles' failure counts by subject. */
final class InMemoryFailedAttempts implements FailedAttemptRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryFailedAttempts(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public Optional<FailedAttempts> find(String subject) {
        return statements.read("FailedAttemptRepository.find", () -> tables.failedAttempts.get(subject));
    }

    /** Counts from one again when the previous failure is before {@code forgetBefore}. */
    @Override
    public FailedAttempts recordFailure(String subject, Instant at, Instant forgetBefore) {
        return statements.write(() -> {
            int failures = tables.failedAttempts.get(subject)
                    .map(f -> f.lastFailureAt().isBefore(forgetBefore) ? 1 : f.failures() + 1)
                    .orElse(1);
            FailedAttempts counted = new FailedAttempts(subject, failures, at);
            tables.failedAttempts.put(subject, counted);
            return counted;
        });
    }

    /** The store's one lock already holds every transaction apart. */
    @Override
    public void lock(String subject) {
    }

    @Override
    public void clear(String subject) {
        statements.run(() -> tables.failedAttempts.remove(subject));
    }
}
