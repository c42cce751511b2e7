package dev.gatehouse.server.metrics;

import dev.gatehouse.server.http.HttpModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text, for a scraper that sends {@code Authorization: Bearer <token>} with the
 * configured token. Without a token configured the route does not exist: metrics are off.
 */
public final class MetricsEndpoint implements HttpModule {

    public static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final byte[] expected;

    /** @param token the bearer token scrapers send, or null to serve no metrics */
    public MetricsEndpoint(Metrics metrics, String token) {
        this.metrics = metrics;
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void mount(RoutesConfig routes) {
        if (expected != null) {
            routes.get(PATH, this::scrape);
        }
    }

    private void scrape(Context ctx) {
        String given = ctx.header("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"").result("unauthorized");
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }
}
