package dev.gatehouse.server.http;

import dev.gatehouse.core.audit.RequestContext;
import io.javalin.http.Context;
import java.util.UUID;

/** Gives each request an id (echoed as {@code x-amzn-RequestId}) and the context the audit trail records. */
public final class RequestContexts {

    private static final String ATTRIBUTE = "gatehouse.requestContext";

    private RequestContexts() {
    }

    /** Runs before every request. */
    public static void assign(Context ctx) {
        String requestId = UUID.randomUUID().toString();
        ctx.header("x-amzn-RequestId", requestId);
        ctx.attribute(ATTRIBUTE, new RequestContext(requestId, ctx.ip(), ctx.userAgent()));
    }

    public static RequestContext of(Context ctx) {
        RequestContext context = ctx.attribute(ATTRIBUTE);
        if (context == null) {
            assign(ctx);
            context = ctx.attribute(ATTRIBUTE);
        }
        return context;
    }
}
