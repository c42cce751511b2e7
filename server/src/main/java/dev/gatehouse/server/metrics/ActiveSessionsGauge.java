package dev.gatehouse.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The number of live sessions (browser and CLI), counted in the database at most once per {@link #FRESH_FOR},
 * however often Prometheus scrapes: a count over the sessions table is cheap but not free, and a gauge a minute old
 * is as useful. While the database is away the last count stays.
 */
public final class ActiveSessionsGauge {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveSessionsGauge.class);
    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final LongSupplier count;
    private final Clock clock;
    private Instant countedAt;
    private long last;

    private ActiveSessionsGauge(LongSupplier count, Clock clock) {
        this.count = count;
        this.clock = clock;
    }

    /** @param count the live sessions, from the database */
    public static void register(MeterRegistry registry, LongSupplier count, Clock clock) {
        ActiveSessionsGauge gauge = new ActiveSessionsGauge(count, clock);
        Gauge.builder("gatehouse.sessions.active", gauge, ActiveSessionsGauge::value)
                .description("Sessions neither expired nor revoked (browser and CLI), counted at most every 30 s")
                .strongReference(true)
                .register(registry);
    }

    synchronized double value() {
        Instant now = clock.instant();
        if (countedAt == null || !now.isBefore(countedAt.plus(FRESH_FOR))) {
            try {
                last = count.getAsLong();
                countedAt = now;
            } catch (RuntimeException e) {
                LOG.debug("Sessions not counted: {}", e.toString());
            }
        }
        return last;
    }
}
