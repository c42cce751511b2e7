package dev.gatehouse.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request by protocol, operation and outcome, with a histogram so that Prometheus can compute latency
 * quantiles across nodes. The operation is the route as registered (e.g. {@code POST /token},
 * {@code GET /scim/v2/Users/{id}}), never the path a client sent, so the series stay bounded.
 */
public final class RequestMetrics {

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String protocol, String operation, int status, Duration took) {
        Timer.builder("gatehouse.http.requests").description("HTTP requests by protocol, operation and outcome")
                .tags("protocol", protocol, "operation", operation, "outcome", outcome(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** {@code success}, {@code client_error}, {@code unavailable} (the database is away) or {@code server_error}. */
    static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        if (status < 500) {
            return "client_error";
        }
        return status == 503 ? "unavailable" : "server_error";
    }
}
