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

    /**
     * Holds the subject's count until the caller's transaction ends, so another transaction that asks for it waits:
     * checks of one subject then run one after the other, each seeing the failures counted before it. A subject
     * without failures has nothing to hold, and its first attempts are free anyway.
     */
    void lock(String subject);

    /** Forgets the subject's failures (after a success). */
    void clear(String subject);
}
