package dev.gatehouse.server;

import dev.gatehouse.core.retention.Purge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge hourly on a background thread of every server node; nodes need not agree on who runs it, as two
 * purges at once each delete what is left. A failed run is logged and the next one tries again.
 */
final class PurgeSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);

    static final Duration EVERY = Duration.ofHours(1);

    /** Not at start-up itself, which has enough to do; soon enough that a short-lived node purges too. */
    private static final Duration FIRST_AFTER = Duration.ofMinutes(5);

    private final ScheduledExecutorService thread;

    private PurgeSchedule(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    static PurgeSchedule start(Purge purge) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("gatehouse-purge").daemon().factory());
        thread.scheduleWithFixedDelay(() -> runOnce(purge), FIRST_AFTER.toSeconds(), EVERY.toSeconds(),
                TimeUnit.SECONDS);
        return new PurgeSchedule(thread);
    }

    static void runOnce(Purge purge) {
        try {
            Map<String, Integer> deleted = purge.run();
            if (deleted.values().stream().anyMatch(count -> count > 0)) {
                LOG.info("Purged rows that have ended: {}", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purge failed, trying again in {}: {}", EVERY, e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
