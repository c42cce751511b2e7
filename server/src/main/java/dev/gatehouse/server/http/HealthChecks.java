package dev.gatehouse.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz}: the process answers (liveness: restart it if not). {@code /readyz}: and it can serve — each
 * readiness check passes, asked in order and stopping at the first that fails, so a database that is away costs one
 * connection timeout, not one per check (readiness: send it no traffic if not).
 */
public final class HealthChecks implements HttpModule {

    private final Map<String, BooleanSupplier> readiness;

    /** @param readiness the checks by name, in the order to ask them (e.g. database, schema, keys) */
    public HealthChecks(Map<String, BooleanSupplier> readiness) {
        this.readiness = readiness;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.result("ok"));
        routes.get("/readyz", this::ready);
    }

    private void ready(Context ctx) {
        for (Map.Entry<String, BooleanSupplier> check : readiness.entrySet()) {
            if (!check.getValue().getAsBoolean()) {
                ctx.status(503).header("Retry-After", String.valueOf(StorageOutage.RETRY_AFTER_SECONDS))
                        .contentType("application/json")
                        .result(Json.write(Json.MAPPER.createObjectNode().put("status", "unavailable")
                                .put("failed", check.getKey())));
                return;
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", "ready");
        readiness.keySet().forEach(body.putArray("checks")::add);
        ctx.contentType("application/json").result(Json.write(body));
    }
}
