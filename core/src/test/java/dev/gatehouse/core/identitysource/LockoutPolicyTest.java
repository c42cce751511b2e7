package dev.gatehouse.core.identitysource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle derived from a directory's lockout policy stops guesses one short of its threshold. */
class LockoutPolicyTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void thresholdFiveLetsFourFailuresThroughThenWaitsTheWholeObservationWindow() {
        ThrottlePolicy throttle = new LockoutPolicy(5, HALF_HOUR).throttle().orElseThrow();

        assertThat(throttle).isEqualTo(new ThrottlePolicy(4, HALF_HOUR, HALF_HOUR, HALF_HOUR));
        assertThat(throttle.waitAfter(3)).isZero();
        assertThat(throttle.waitAfter(4)).isEqualTo(HALF_HOUR);
    }

    @Test
    void aDirectoryThatNeverLocksAddsNoThrottle() {
        assertThat(LockoutPolicy.NONE.throttle()).isEmpty();
        assertThat(new LockoutPolicy(0, HALF_HOUR).throttle()).isEmpty();
    }

    @Test
    void theConservativePolicyLetsTwoFailuresThrough() {
        assertThat(LockoutPolicy.CONSERVATIVE.throttle()).hasValueSatisfying(throttle -> {
            assertThat(throttle.waitFromFailure()).isEqualTo(2);
            assertThat(throttle.firstWait()).isEqualTo(HALF_HOUR);
        });
    }

    @Test
    void thresholdOneStopsTheNameAfterItsFirstFailureAndAShortWindowWaitsAtLeastAMinute() {
        assertThat(new LockoutPolicy(1, Duration.ofSeconds(10)).throttle()).hasValue(new ThrottlePolicy(1,
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)));
    }
}
