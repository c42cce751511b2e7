package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.throttle.FailedAttemptRepository;
import dev.gatehouse.core.throttle.FailedAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public interface FailedAttemptContract extends StoreContract {

    private FailedAttemptRepository attempts() {
        return store().failedAttempts();
    }

    private static Instant longAgo() {
        return NOW.minus(Duration.ofHours(12));
    }

    @Test
    default void firstFailureCountsOneAndReadsBackToTheNanosecond() {
        assertThat(attempts().find("subject-1")).isEmpty();

        FailedAttempts counted = attempts().recordFailure("subject-1", NOW, longAgo());

        assertThat(counted).isEqualTo(new FailedAttempts("subject-1", 1, NOW));
        assertThat(attempts().find("subject-1")).contains(counted);
        assertThat(attempts().find("subject-2")).isEmpty();
    }

    @Test
    default void laterFailuresAddOneAndMoveTheLastFailure() {
        attempts().recordFailure("subject-1", NOW, longAgo());
        attempts().recordFailure("subject-1", NOW.plusSeconds(1), longAgo());

        FailedAttempts third = attempts().recordFailure("subject-1", NOW.plusSeconds(2), longAgo());

        assertThat(third).isEqualTo(new FailedAttempts("subject-1", 3, NOW.plusSeconds(2)));
    }

    @Test
    default void failureAfterTheLastOneWasForgottenCountsFromOneAgain() {
        attempts().recordFailure("subject-1", NOW, longAgo());
        attempts().recordFailure("subject-1", NOW, longAgo());
        Instant muchLater = NOW.plus(Duration.ofHours(13));

        FailedAttempts counted = attempts().recordFailure("subject-1", muchLater, muchLater.minus(Duration.ofHours(12)));

        assertThat(counted).isEqualTo(new FailedAttempts("subject-1", 1, muchLater));
    }

    @Test
    default void clearForgetsOnlyThatSubject() {
        attempts().recordFailure("subject-1", NOW, longAgo());
        attempts().recordFailure("subject-2", NOW, longAgo());

        attempts().clear("subject-1");
        attempts().clear("no-such-subject");

        assertThat(attempts().find("subject-1")).isEmpty();
        assertThat(attempts().find("subject-2")).map(FailedAttempts::failures).contains(1);
    }

    @Test
    default void failureCountedInsideATransactionJoinsIt() {
        store().inTransaction(tx -> tx.failedAttempts().recordFailure("subject-1", NOW, longAgo()));

        assertThat(attempts().find("subject-1")).map(FailedAttempts::failures).contains(1);
    }

    @Test
    default void racingFirstFailuresOfOneSubjectAreAllCounted() throws Exception {
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FailedAttempts>> results = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                results.add(nodes.submit(() -> {
                    start.await();
                    return attempts().recordFailure("subject-1", NOW, longAgo());
                }));
            }
            start.countDown();
            for (Future<FailedAttempts> result : results) {
                result.get();
            }
        }

        assertThat(attempts().find("subject-1")).map(FailedAttempts::failures).contains(racers);
    }

    /**
     * The second transaction asks for the count while the first holds it: it must wait, then see the first's
     * failure. The first gives the second a second to read (which it does at once when nothing holds it) before
     * counting, so without the hold the second reads the old count.
     */
    @Test
    default void lockedCountIsReadByAnotherTransactionOnlyAfterTheHolderCommits() throws Exception {
        attempts().recordFailure("subject-1", NOW, longAgo());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch secondRead = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<?> first = nodes.submit(() -> store().inTransaction(tx -> {
                tx.failedAttempts().lock("subject-1");
                held.countDown();
                awaitQuietly(secondRead);
                return tx.failedAttempts().recordFailure("subject-1", NOW.plusSeconds(1), longAgo());
            }));
            Future<Integer> second = nodes.submit(() -> {
                held.await();
                return store().inTransaction(tx -> {
                    tx.failedAttempts().lock("subject-1");
                    int seen = tx.failedAttempts().find("subject-1").orElseThrow().failures();
                    secondRead.countDown();
                    return seen;
                });
            });
            first.get();

            assertThat(second.get()).isEqualTo(2);
        }
    }

    @Test
    default void lockOfASubjectWithoutFailuresHoldsNothing() {
        store().run(() -> store().failedAttempts().lock("no-such-subject"));

        assertThat(attempts().find("no-such-subject")).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
