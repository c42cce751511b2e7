package dev.gatehouse.core.throttle;

import java.time.Instant;
import java.util.Optional;

/** Failure counts the throttles read and write; in the database so every server node sees the same ones. */
public interface FailedAttemptRepository {

    Optional<FailedAttempts> find(String subject);

    /**
     * Adds one failure at {@code at}, counting from one again when the previous failure is before
     * {@code forgetBefore}, and returns the count after it. Atomic: two nodes recording at once add two.
     */
    FailedAttempts recordFailure(String subject, Instant at, Instant forgetBefore);

    /** Forgets the subject's failures (after a success). */
    void clear(String subject);
}
