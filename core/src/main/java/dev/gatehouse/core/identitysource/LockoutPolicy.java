package dev.gatehouse.core.identitysource;

import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * When the directory locks an account: {@code threshold} wrong passwords within {@code window} of each other (Active
 * Directory's {@code lockoutThreshold} and {@code lockOutObservationWindow}). Gatehouse stops guesses one short of it,
 * so its sign-in page never locks a directory account.
 *
 * @param threshold wrong passwords that lock the account; 0 when the directory never locks
 * @param window    how long the directory remembers a wrong password
 */
public record LockoutPolicy(int threshold, Duration window) {

    /** A directory that locks no account (AD's threshold 0, or OpenLDAP without ppolicy). */
    public static final LockoutPolicy NONE = new LockoutPolicy(0, Duration.ZERO);

    /** Assumed for an Active Directory whose policy could not be read: stricter than most domains set. */
    public static final LockoutPolicy CONSERVATIVE = new LockoutPolicy(3, Duration.ofMinutes(30));

    /** A wait shorter than this would refuse nothing a person could notice; AD's own minimum window is 1 minute. */
    private static final Duration SHORTEST_WINDOW = Duration.ofMinutes(1);

    public LockoutPolicy {
        if (threshold < 0 || window.isNegative()) {
            throw new IllegalArgumentException("Inconsistent lockout policy: " + threshold + ", " + window);
        }
    }

    /**
     * The throttle that keeps guesses below the threshold: {@code threshold - 1} failures reach the directory, then
     * the name waits a whole window from the latest (when the directory has forgotten them all); a failure a window
     * after the previous one counts from one again, as the directory's count does. Empty when nothing locks. With a
     * threshold of 1 the first wrong password already locks; Gatehouse then stops the name after it.
     */
    public Optional<ThrottlePolicy> throttle() {
        if (threshold == 0) {
            return Optional.empty();
        }
        Duration wait = window.compareTo(SHORTEST_WINDOW) < 0 ? SHORTEST_WINDOW : window;
        return Optional.of(new ThrottlePolicy(Math.max(1, threshold - 1), wait, wait, wait));
    }
}
