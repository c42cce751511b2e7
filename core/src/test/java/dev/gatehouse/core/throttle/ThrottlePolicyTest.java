package dev.gatehouse.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void userNameWaitWhenFailuresGrowThenFreeThenDoublingFromOneMinuteUpToFifteen() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(ThrottlePolicy.USER_NAME::waitAfter).map(Duration::toMinutes))
                .containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 15L, 15L);
        assertThat(ThrottlePolicy.USER_NAME.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void locksOutWhenAFailureSetsTheLongestWait() {
        assertThat(IntStream.rangeClosed(1, 10).filter(ThrottlePolicy.USER_NAME::locksOut))
                .containsExactly(9, 10);
        assertThat(IntStream.rangeClosed(1, 6).filter(ThrottlePolicy.USER_CODE_PERSON::locksOut))
                .containsExactly(5, 6);
    }

    @Test
    void sourceAddressWaitWhenFailuresGrowThenFreeUntilTheThirtieth() {
        assertThat(ThrottlePolicy.SIGN_IN_ADDRESS.waitAfter(29)).isZero();
        assertThat(ThrottlePolicy.SIGN_IN_ADDRESS.waitAfter(30)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusedUntilWhenWaitingThenTheEndOfTheWaitElseEmpty() {
        FailedAttempts fifth = new FailedAttempts("subject", 5, NOW);

        assertThat(ThrottlePolicy.USER_NAME.refusedUntil(fifth, NOW)).contains(NOW.plusSeconds(60));
        assertThat(ThrottlePolicy.USER_NAME.refusedUntil(fifth, NOW.plusSeconds(59))).contains(NOW.plusSeconds(60));
        assertThat(ThrottlePolicy.USER_NAME.refusedUntil(fifth, NOW.plusSeconds(60))).isEmpty();
        assertThat(ThrottlePolicy.USER_NAME.refusedUntil(new FailedAttempts("subject", 4, NOW), NOW)).isEmpty();
    }

    @Test
    void policyWhenItWouldForgetDuringItsOwnWaitThenRejected() {
        assertThatThrownBy(() -> new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15),
                Duration.ofMinutes(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
