package dev.gatehouse.server.http;

import dev.gatehouse.core.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /healthz}: the process answers. {@code /readyz}: and its database does too. */
public final class HealthChecks implements HttpModule {

    private final Store store;

    public HealthChecks(Store store) {
        this.store = store;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.result("ok"));
        routes.get("/readyz", this::ready);
    }

    private void ready(Context ctx) {
        try {
            store.instance().find();
            ctx.result("ready");
        } catch (RuntimeException e) {
            ctx.status(503).result("database unavailable");
        }
    }
}
