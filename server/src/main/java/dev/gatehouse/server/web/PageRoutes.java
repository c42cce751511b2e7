package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.http.StorageOutage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers page handlers, each wrapped so that it sends the security headers and answers every failure with an
 * HTML page: core's refusals on the error page, unless the handler showed one in its form ({@link Refusable}).
 * Wrapping per route, rather than a global before-handler or exception mapper, leaves the JSON and XML protocols on
 * the same server untouched.
 */
public final class PageRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);

    private static final String ANSWERED = "gatehouse.web.answeredByAPage";

    private final RoutesConfig routes;
    private final HtmlErrors errors;
    private final SecurityHeaders headers;

    PageRoutes(RoutesConfig routes, HtmlErrors errors, SecurityHeaders headers) {
        this.routes = routes;
        this.errors = errors;
        this.headers = headers;
    }

    public void get(String path, Handler handler) {
        routes.get(path, guarded(handler));
    }

    public void post(String path, Handler handler) {
        routes.post(path, guarded(handler));
    }

    /** Whether a page handler answered this request (its 404s are its own and already a page). */
    static boolean answeredByAPage(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ANSWERED));
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            ctx.attribute(ANSWERED, true);
            headers.apply(ctx);
            try {
                handler.handle(ctx);
            } catch (Refusable.FormShown shown) {
                // The form already shows core's refusal: that is the answer.
            } catch (DomainException e) {
                errors.render(ctx, e.error());
            } catch (HttpResponseException e) {
                throw e;
            } catch (Exception e) {
                String requestId = RequestContexts.of(ctx).requestId();
                if (StorageOutage.causes(e)) {
                    LOG.warn("Page {} {} answered 503: database unavailable ({}) (request {})", ctx.method(),
                            ctx.path(), e.getClass().getSimpleName(), requestId);
                    errors.renderUnavailable(ctx, requestId);
                    return;
                }
                // The path only: queries carry activation tokens and user codes.
                LOG.error("Page {} {} failed (request {})", ctx.method(), ctx.path(), requestId, e);
                errors.renderUnexpected(ctx, requestId);
            }
        };
    }
}
