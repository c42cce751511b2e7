package dev.gatehouse.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.core.throttle.Throttle.Lockout;
import dev.gatehouse.core.throttle.Throttle.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final FailedAttemptRepository attempts = new InMemoryStore().failedAttempts();
    private final Throttle throttle = new Throttle(attempts, clock);
    private final Subject ed = Subject.of("userName", "ed.developer", ThrottlePolicy.USER_NAME);
    private final Subject address = Subject.of("sourceAddress", "203.0.113.9", ThrottlePolicy.SIGN_IN_ADDRESS);

    @Test
    void subjectWhenNameDiffersOnlyInCaseOrSpacesThenSameCount() {
        assertThat(Subject.of("userName", " Ed.Developer ", ThrottlePolicy.USER_NAME)).isEqualTo(ed);
        assertThat(Subject.of("sourceAddress", "ed.developer", ThrottlePolicy.USER_NAME).key()).isNotEqualTo(ed.key());
        assertThat(ed.key()).doesNotContain("ed.developer");
    }

    @Test
    void requireAllowedWhenFewerFailuresThanTheFirstWaitThenAllowed() {
        failTimes(4, ed);

        assertThatCode(() -> throttle.requireAllowed(List.of(ed), "failed sign-ins"))
                .doesNotThrowAnyException();
    }

    @Test
    void requireAllowedWhenWaitingThenTooManyRequestsSayingHowLongUntilTheWaitEnds() {
        failTimes(6, ed);

        assertRefused(List.of(ed), "Too many failed sign-ins. Try again in 2 minutes.");
        clock.advance(Duration.ofSeconds(61));
        assertRefused(List.of(ed), "Too many failed sign-ins. Try again in 1 minute.");
        clock.advance(Duration.ofSeconds(59));
        assertThatCode(() -> throttle.requireAllowed(List.of(ed), "failed sign-ins"))
                .doesNotThrowAnyException();
    }

    @Test
    void recordFailureWhenTheWaitReachesItsLongestThenALockoutUntilItEnds() {
        failTimes(8, ed);

        List<Lockout> lockouts = throttle.recordFailure(List.of(ed, address));

        assertThat(lockouts).containsExactly(new Lockout(ed, 9, clock.instant().plus(Duration.ofMinutes(15))));
    }

    @Test
    void succeededForgetsTheFailures() {
        failTimes(5, ed);

        throttle.succeeded(ed);

        assertThatCode(() -> throttle.requireAllowed(List.of(ed), "failed sign-ins"))
                .doesNotThrowAnyException();
        assertThat(throttle.recordFailure(List.of(ed))).isEmpty();
    }

    @Test
    void requireAllowedWhenOnlyTheAddressWaitsThenRefusedForEveryName() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure(List.of(Subject.of("userName", "user" + i, ThrottlePolicy.USER_NAME),
                    address));
        }

        assertRefused(List.of(Subject.of("userName", "someone.else", ThrottlePolicy.USER_NAME), address),
                "Too many failed sign-ins. Try again in 1 minute.");
        assertThatCode(() -> throttle.requireAllowed(List.of(ed), "failed sign-ins"))
                .doesNotThrowAnyException();
    }

    @Test
    void recordFailureWhenTheLastOneIsOlderThanTheForgetPeriodThenCountsFromOne() {
        failTimes(8, ed);
        clock.advance(Duration.ofHours(12).plusSeconds(1));

        throttle.recordFailure(List.of(ed));

        assertThat(attempts.find(ed.key())).map(FailedAttempts::failures).contains(1);
    }

    private void failTimes(int times, Subject subject) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(List.of(subject));
        }
    }

    private void assertRefused(List<Subject> subjects, String message) {
        assertThatThrownBy(() -> throttle.requireAllowed(subjects, "failed sign-ins"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error())
                        .isEqualTo(new DomainError.TooManyRequests(message)));
    }
}
