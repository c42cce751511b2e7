package dev.gatehouse.core.oidc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollTrackerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final PollTracker polls = new PollTracker();

    @Test
    void pollWhenSecondEarlyPollThenSlowDownButFirstEarlyPollIsForgiven() {
        polls.poll("code", INTERVAL, T0);
        assertThatCode(() -> polls.poll("code", INTERVAL, T0.plusMillis(10))).doesNotThrowAnyException();

        assertThatThrownBy(() -> polls.poll("code", INTERVAL, T0.plusMillis(20)))
                .isInstanceOf(DomainException.class).hasMessage("Client is polling too quickly");
    }

    @Test
    void pollWhenEachAfterTheIntervalThenNeverSlowDown() {
        for (int i = 0; i < 5; i++) {
            Instant at = T0.plus(INTERVAL.multipliedBy(i));
            assertThatCode(() -> polls.poll("code", INTERVAL, at)).doesNotThrowAnyException();
        }
    }

    @Test
    void pollWhenGraceSpentThenLaterEarlyPollsAreSlowedDown() {
        polls.poll("code", INTERVAL, T0);
        polls.poll("code", INTERVAL, T0);
        polls.poll("code", INTERVAL, T0.plusSeconds(5));

        assertThatThrownBy(() -> polls.poll("code", INTERVAL, T0.plusSeconds(5)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void pollWhenOtherDeviceCodeThenTrackedApart() {
        polls.poll("a", INTERVAL, T0);
        polls.poll("a", INTERVAL, T0);

        assertThatCode(() -> polls.poll("b", INTERVAL, T0)).doesNotThrowAnyException();
    }
}
