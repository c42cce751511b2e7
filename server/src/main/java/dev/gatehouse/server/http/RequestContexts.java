package dev.gatehouse.server.http;

import dev.gatehouse.core.audit.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.UUID;

/**
 * Gives each request an id (echoed as {@code x-amzn-RequestId}) and the context the audit trail and the per-address
 * limits use. This is the one place the source address is decided: the direct peer, or what a trusted proxy says
 * in {@code X-Forwarded-For} ({@link TrustedProxies}).
 */
public final class RequestContexts {

    private static final String ATTRIBUTE = "gatehouse.requestContext";

    private RequestContexts() {
    }

    /** What runs before every request, believing {@code X-Forwarded-For} from {@code proxies} only. */
    public static Handler assigning(TrustedProxies proxies) {
        return ctx -> assign(ctx, proxies);
    }

    /** Runs before every request when no proxy is trusted. */
    public static void assign(Context ctx) {
        assign(ctx, TrustedProxies.NONE);
    }

    private static void assign(Context ctx, TrustedProxies proxies) {
        String requestId = UUID.randomUUID().toString();
        ctx.header("x-amzn-RequestId", requestId);
        String source = proxies.sourceOf(ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        ctx.attribute(ATTRIBUTE, new RequestContext(requestId, source, ctx.userAgent()));
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
