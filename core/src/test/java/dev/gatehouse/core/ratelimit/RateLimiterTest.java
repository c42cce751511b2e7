package dev.gatehouse.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.ratelimit.RateLimiter.Rate;
import dev.gatehouse.core.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2025-06-02T09:00:00Z"));
    private final RateLimiter limiter = new RateLimiter("client registrations", new Rate(3, Duration.ofSeconds(30)),
            clock);

    @Test
    void aKeyMayUseItsBurstAtOnceThenIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.1");
        }

        DomainError error = catchThrowableOfType(DomainException.class, () -> limiter.acquire("203.0.113.1")).error();

        assertThat(error).isEqualTo(new DomainError.TooManyRequests(
                "Too many client registrations from this address; try again in 30 seconds."));
    }

    @Test
    void oneMoreIsAllowedPerIntervalAndNoMore() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.1");
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(refused("203.0.113.1")).as("a second early").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(refused("203.0.113.1")).as("on time").isFalse();
        assertThat(refused("203.0.113.1")).as("the next one").isTrue();
    }

    @Test
    void aQuietKeyGetsItsWholeBurstBackButNeverMore() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.1");
        }
        clock.advance(Duration.ofDays(1));

        for (int i = 0; i < 3; i++) {
            assertThat(refused("203.0.113.1")).isFalse();
        }
        assertThat(refused("203.0.113.1")).isTrue();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.1");
        }

        assertThat(refused("203.0.113.1")).isTrue();
        assertThat(refused("203.0.113.2")).isFalse();
    }

    @Test
    void manyKeysDoNotGrowMemoryWithoutBound() {
        RateLimiter small = new RateLimiter("calls", new Rate(1, Duration.ofSeconds(1)), clock, 100);
        for (int i = 0; i < 10_000; i++) {
            small.acquire("key-" + i);
            clock.advance(Duration.ofMillis(10));
        }

        assertThat(small.keys()).isLessThanOrEqualTo(101);
    }

    private boolean refused(String key) {
        try {
            limiter.acquire(key);
            return false;
        } catch (DomainException e) {
            return true;
        }
    }
}
