package dev.gatehouse.server.http;

import dev.gatehouse.server.metrics.RequestMetrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Locale;

/**
 * What happens after every request: it is timed into the metrics under its protocol and route. Javalin calls it once
 * the answer is written, whatever the handler did.
 */
public final class RequestLog {

    /** Set by {@link ApiHandler} to the API that answered; pages, health checks and metrics are told by their path. */
    static final String API_ATTRIBUTE = "gatehouse.api";

    private final RequestMetrics metrics;

    public RequestLog(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    public void handle(Context ctx, Float milliseconds) {
        metrics.record(protocol(ctx), operation(ctx), ctx.statusCode(),
                Duration.ofNanos((long) (milliseconds * 1_000_000)));
    }

    static String protocol(Context ctx) {
        String api = ctx.attribute(API_ATTRIBUTE);
        if (api != null) {
            return api.toLowerCase(Locale.ROOT).replace(' ', '-');
        }
        String path = ctx.path();
        if (path.equals("/healthz") || path.equals("/readyz")) {
            return "health";
        }
        return path.equals("/metrics") ? "metrics" : "pages";
    }

    /** The route as registered, so that no client can make up new series; {@code unmatched} when none was. */
    static String operation(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.method.name() + " " + endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
