package dev.gatehouse.server.metrics;

import dev.gatehouse.core.throttle.ThrottleObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts attempts that a throttle (failed sign-ins, wrong codes, reset requests) or a rate limit (client
 * registrations, device authorizations, SCIM requests) refused. The tag is the name core gives the attempts, a
 * handful of fixed words, never anything a client sent.
 */
public final class ThrottleMetrics implements ThrottleObserver {

    private final MeterRegistry registry;

    public ThrottleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void refused(String what) {
        Counter.builder("gatehouse.throttled").description("Attempts refused by a throttle or rate limit")
                .tag("attempts", what.replace(' ', '_'))
                .register(registry)
                .increment();
    }
}
