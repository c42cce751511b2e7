package dev.gatehouse.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.password.Mailer.Mail;
import dev.gatehouse.core.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Back-off, giving up, and what the console may see of a waiting mail. */
class MailQueueTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2025-06-02T09:00:00Z"));
    private final MailQueue queue = new MailQueue(clock);

    @Test
    void failedWhenTriedAgainAndAgainThenTheWaitsDoubleUpToAnHourAndItIsGivenUpAfterTwelveTries() {
        String id = queue.add(new Mail("zoe@example.com", "Activate your account", "http://x/?token=secret"))
                .orElseThrow();
        List<Duration> waits = new ArrayList<>();
        MailQueue.State state = MailQueue.State.SENDING;
        for (int attempt = 1; attempt <= MailQueue.ATTEMPTS; attempt++) {
            state = queue.failed(id, "MailConnectException: Couldn't connect to host");
            MailQueue.Entry entry = queue.entries().getFirst();
            if (state == MailQueue.State.WAITING_TO_RETRY) {
                waits.add(Duration.between(clock.instant(), entry.nextAttempt()));
                assertThat(queue.takeDue()).as("not due before its time").isEmpty();
                clock.set(entry.nextAttempt());
                assertThat(queue.takeDue()).containsOnlyKeys(id);
            }
        }

        assertThat(state).isEqualTo(MailQueue.State.GAVE_UP);
        assertThat(waits).extracting(Duration::toMinutes)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L, 60L);
        assertThat(queue.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(MailQueue.ATTEMPTS);
            assertThat(entry.nextAttempt()).isNull();
            assertThat(entry.toString()).doesNotContain("token=secret");
        });
    }

    @Test
    void deliveredWhenSentThenNothingIsLeft() {
        String id = queue.add(new Mail("zoe@example.com", "Reset your password", "body")).orElseThrow();

        queue.delivered(id);

        assertThat(queue.entries()).isEmpty();
    }
}
