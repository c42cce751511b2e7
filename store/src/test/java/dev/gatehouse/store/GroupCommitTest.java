package dev.gatehouse.store;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.testing.Records;
import dev.gatehouse.store.testing.TestAuditEvents;
import dev.gatehouse.store.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The audit group commit on a real H2 database. The writer's first batch is held open on a latch, so that the
 * callers arriving meanwhile are known to be pending together; nothing depends on timing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTest {

    private Database database;
    private Jdbi jdbi;
    private Handles handles;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private GroupCommit<AuditRow> groupCommit;

    @BeforeEach
    void open() {
        database = TestDatabase.freshH2().open();
        jdbi = Jdbi.create(database.dataSource());
        handles = new Handles(jdbi);
        groupCommit = new GroupCommit<>("test-audit-writer", this::commitHoldingTheFirstBatch, 64, 64);
    }

    @AfterEach
    void close() {
        releaseFirstBatch.countDown();
        groupCommit.close();
        database.close();
    }

    /** Commits like the store does, after recording the batch; the first one waits until the test releases it. */
    private void commitHoldingTheFirstBatch(List<AuditRow> rows) {
        batches.add(rows.stream().map(AuditRow::eventId).toList());
        if (batches.size() == 1) {
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
        }
        handles.atomically(h -> {
            AuditRow.insertAll(h, rows);
            return null;
        });
    }

    @Test
    void callersArrivingDuringACommitShareTheNextTransactionAndReturnOnlyOnceItCommitted() {
        CompletableFuture<Void> first = submitAsync("first");
        await(firstBatchStarted);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(submitAsync("caller-" + i));
        }
        awaitPending(8);

        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        assertThat(first).isNotDone();
        assertThat(storedIds()).isEmpty();

        releaseFirstBatch.countDown();
        first.join();
        waiting.forEach(CompletableFuture::join);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("caller-0", "caller-1", "caller-2", "caller-3",
                "caller-4", "caller-5", "caller-6", "caller-7");
        assertThat(storedIds()).hasSize(9).contains("first", "caller-7");
    }

    @Test
    void whenTheSharedCommitFailsEveryCallerOfThatBatchGetsTheErrorAndNoneOfItsEventsIsStored() {
        handles.atomically(h -> {
            AuditRow.insertAll(h, List.of(row("taken")));
            return null;
        });
        CompletableFuture<Void> first = submitAsync("first");
        await(firstBatchStarted);
        List<CompletableFuture<Void>> doomed = List.of(submitAsync("fresh-1"), submitAsync("taken"),
                submitAsync("fresh-2"));
        awaitPending(3);
        releaseFirstBatch.countDown();

        first.join();
        for (CompletableFuture<Void> caller : doomed) {
            assertThatThrownBy(caller::join).hasRootCauseInstanceOf(SQLException.class);
        }
        assertThat(storedIds()).containsExactlyInAnyOrder("taken", "first");

        groupCommit.submit(row("after-the-failure"));
        assertThat(storedIds()).contains("after-the-failure");
    }

    @Test
    void closeCommitsEverythingHandedOverBeforeAndRefusesWhatComesAfter() throws InterruptedException {
        CompletableFuture<Void> first = submitAsync("first");
        await(firstBatchStarted);
        List<CompletableFuture<Void>> pending = List.of(submitAsync("pending-1"), submitAsync("pending-2"));
        awaitPending(2);
        Thread closer = Thread.ofPlatform().start(groupCommit::close);
        // Waiting for the writer to finish: close has already refused new items by then.
        while (closer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> groupCommit.submit(row("too-late"))).isInstanceOf(IllegalStateException.class);
        releaseFirstBatch.countDown();
        closer.join();

        first.join();
        pending.forEach(CompletableFuture::join);
        assertThat(storedIds()).containsExactlyInAnyOrder("first", "pending-1", "pending-2");
    }

    private CompletableFuture<Void> submitAsync(String eventId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                groupCommit.submit(row(eventId));
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void awaitPending(int count) {
        while (groupCommit.pending() < count) {
            Thread.onSpinWait();
        }
    }

    private static AuditRow row(String eventId) {
        return AuditRow.of(Records.with(TestAuditEvents.event("GetRoleCredentials", "ed.developer", NOW), "eventId",
                eventId));
    }

    private List<String> storedIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT event_id FROM audit_events").mapTo(String.class).list());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
