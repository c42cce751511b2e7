package dev.gatehouse.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a subject that keeps failing must wait before it may try again: the first failures are free (typos),
 * then each failure sets a wait that doubles up to a maximum, and a quiet period forgets them all. The shape of
 * Keycloak's brute-force detection (wait increment, max failure wait, max delta time); see docs/security.md for
 * the numbers chosen and why.
 *
 * @param waitFromFailure the failure that first sets a wait
 * @param firstWait       the wait that failure sets; each further one doubles it
 * @param maxWait         the longest wait; a failure that sets it locks the subject out
 * @param forgetAfter     a failure this long after the previous one counts from one again
 */
public record ThrottlePolicy(int waitFromFailure, Duration firstWait, Duration maxWait, Duration forgetAfter) {

    /** Per user name, known or not: 4 free failures, then 1, 2, 4, 8 minutes, then locked 15 minutes each. */
    public static final ThrottlePolicy USER_NAME =
            new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12));

    /** Per source address, across every name it tries, so one address cannot spray passwords at many users. */
    public static final ThrottlePolicy SIGN_IN_ADDRESS =
            new ThrottlePolicy(30, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));

    /**
     * Per signed-in person typing user codes on /device, across all their browser sessions (a new sign-in does
     * not start a new count): 5 wrong codes, then 10 minutes' wait.
     */
    public static final ThrottlePolicy USER_CODE_PERSON =
            new ThrottlePolicy(5, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10));

    /** Per source address typing user codes, across its sessions (signing in again gives a new session). */
    public static final ThrottlePolicy USER_CODE_ADDRESS =
            new ThrottlePolicy(20, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10));

    /**
     * Password-reset requests per user (counted whether they succeed or not): 3 an hour. Each new link cancels the
     * one before, so without a limit anyone could keep a user's link from ever working.
     */
    public static final ThrottlePolicy PASSWORD_RESET_USER =
            new ThrottlePolicy(3, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

    /** Password-reset requests per source address, across every name it asks for: 10 an hour. */
    public static final ThrottlePolicy PASSWORD_RESET_ADDRESS =
            new ThrottlePolicy(10, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

    /** Doubling more often than this would only overflow: every maximum in use is reached long before. */
    private static final int MAX_DOUBLINGS = 30;

    public ThrottlePolicy {
        if (waitFromFailure < 1 || firstWait.isNegative() || firstWait.compareTo(maxWait) > 0
                || forgetAfter.compareTo(maxWait) < 0) {
            // A count forgotten during its own wait would let the subject start over unthrottled.
            throw new IllegalArgumentException("Inconsistent throttle policy: " + waitFromFailure + ", " + firstWait
                    + ", " + maxWait + ", " + forgetAfter);
        }
    }

    /** The wait that the given number of consecutive failures sets, from the latest of them. */
    public Duration waitAfter(int failures) {
        if (failures < waitFromFailure) {
            return Duration.ZERO;
        }
        Duration wait = firstWait.multipliedBy(1L << Math.min(failures - waitFromFailure, MAX_DOUBLINGS));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /** Whether the failure that brought the count to {@code failures} locked the subject out. */
    public boolean locksOut(int failures) {
        return failures >= waitFromFailure && waitAfter(failures).equals(maxWait);
    }

    /** Until when the subject must wait; empty when it may try now. */
    public Optional<Instant> refusedUntil(FailedAttempts attempts, Instant now) {
        Instant until = attempts.lastFailureAt().plus(waitAfter(attempts.failures()));
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
