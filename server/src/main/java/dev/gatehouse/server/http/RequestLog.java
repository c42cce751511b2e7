package dev.gatehouse.server.http;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.metrics.RequestMetrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after every request: one log line, and its time in the metrics under its protocol and route. Javalin
 * calls it once the answer is written, whatever the handler did. The line has the path but never the query (it
 * carries activation tokens, user codes and authorization codes) nor any header but the user agent (Authorization
 * and the bearer headers are secrets); the request id is the {@code x-amzn-RequestId} the client got.
 */
public final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    /** Set by {@link ApiHandler} to the API that answered; pages, health checks and metrics are told by their path. */
    static final String API_ATTRIBUTE = "gatehouse.api";

    private final RequestMetrics metrics;

    public RequestLog(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    public void handle(Context ctx, Float milliseconds) {
        String protocol = protocol(ctx);
        String operation = operation(ctx);
        int status = ctx.statusCode();
        metrics.record(protocol, operation, status, Duration.ofNanos((long) (milliseconds * 1_000_000)));
        if (LOG.isInfoEnabled()) {
            RequestContext request = RequestContexts.of(ctx);
            String millis = String.format(Locale.ROOT, "%.1f", milliseconds);
            LOG.atInfo().setMessage("{} {} {} {}ms {} request={} source={}")
                    .addArgument(ctx.method()).addArgument(ctx.path()).addArgument(status).addArgument(millis)
                    .addArgument(protocol).addArgument(request.requestId()).addArgument(request.sourceIpAddress())
                    .addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
                    .addKeyValue("status", status).addKeyValue("durationMs", millis)
                    .addKeyValue("protocol", protocol).addKeyValue("operation", operation)
                    .addKeyValue("requestId", request.requestId()).addKeyValue("source", request.sourceIpAddress())
                    .addKeyValue("userAgent", request.userAgent())
                    .log();
        }
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
