package dev.gatehouse.store.cache;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.store.Database;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestDatabase;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one PostgreSQL, as two nodes: a committed change on one reaches the other's cache through
 * {@code LISTEN/NOTIFY}, and a lost listener connection drops the caches. No timing is asserted here (the two-node
 * test in {@code it} asserts the bound); each wait is a poll on the condition with a generous deadline.
 */
class PostgresCachesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private Database nodeA;
    private Database nodeB;
    private Jdbi behindTheCaches;
    private User ed;

    @BeforeEach
    void twoNodes() {
        TestDatabase database = EmbeddedPostgresFixture.shared().freshDatabase();
        nodeA = database.open();
        nodeB = database.open();
        behindTheCaches = Jdbi.create(nodeA.dataSource());
        await(() -> invalidations(nodeA).trusted() && invalidations(nodeB).trusted());
        ed = TestUsers.user("ed");
        nodeA.store().users().insert(ed);
    }

    @AfterEach
    void stop() {
        nodeB.close();
        nodeA.close();
    }

    private static Invalidations invalidations(Database database) {
        return ((CachingStore) database.store()).invalidations();
    }

    private boolean enabledAtB() {
        return nodeB.store().users().findById(ed.userId()).orElseThrow().enabled();
    }

    @Test
    void aChangeCommittedOnOneNodeIsSeenOnTheOther() {
        assertThat(enabledAtB()).isTrue();
        nodeA.store().run(() -> nodeA.store().users().update(ed.withStatus(UserStatus.DISABLED, NOW)));
        await(() -> !enabledAtB());
    }

    @Test
    void aLostListenerDropsTheCachesAndTheyReturnWhenItIsBack() {
        assertThat(enabledAtB()).isTrue();
        behindTheCaches.useHandle(h -> h.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'gatehouse cache listener'"));
        // Changed behind every cache, with no notification: only dropping what was cached can show it.
        behindTheCaches.useHandle(h -> h.execute("UPDATE users SET status = 'DISABLED' WHERE user_id = ?",
                ed.userId()));
        await(() -> !enabledAtB());

        await(() -> invalidations(nodeB).trusted());
        assertThat(enabledAtB()).isFalse();
        behindTheCaches.useHandle(h -> h.execute("UPDATE users SET status = 'ENABLED' WHERE user_id = ?",
                ed.userId()));
        assertThat(enabledAtB()).as("cached again once the listener is back").isFalse();
    }

    private static void await(BooleanSupplier condition) {
        long giveUpAt = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false at the deadline").isLessThan(giveUpAt);
            Thread.yield();
        }
    }
}
