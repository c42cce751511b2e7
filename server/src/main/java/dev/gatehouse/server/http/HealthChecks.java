package dev.gatehouse.server.http;

import dev.gatehouse.core.instance.InstanceService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /healthz}: the process answers. {@code /readyz}: and its database does too. */
public final class HealthChecks implements HttpModule {

    private final InstanceService instances;

    public HealthChecks(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.result("ok"));
        routes.get("/readyz", this::ready);
    }

    private void ready(Context ctx) {
        if (instances.storageAnswers()) {
            ctx.result("ready");
        } else {
            ctx.status(503).result("database unavailable");
        }
    }
}
