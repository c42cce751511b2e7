package dev.gatehouse.server.http;

import dev.gatehouse.core.error.DomainException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operations of one API and answers whatever they throw in that API's error format: core's refusal as the
 * protocol maps it, a body over {@link BodyLimit} as 413, and anything else as an internal error whose detail goes to
 * the log, never to the client.
 */
public final class ApiHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** Enough for any client that misjudged a size; a client sending more is closed on when the answer is sent. */
    private static final long DISCARDED_AT_MOST = 16 * BodyLimit.BYTES;

    private final String api;
    private final ErrorWriter errors;

    /** @param api the API's name in the log, e.g. {@code sso-oidc} */
    public ApiHandler(String api, ErrorWriter errors) {
        this.api = api;
        this.errors = errors;
    }

    public Handler of(ApiOperation operation) {
        return ctx -> answer(ctx, operation);
    }

    private void answer(Context ctx, ApiOperation operation) {
        ctx.attribute(RequestLog.API_ATTRIBUTE, api);
        try {
            operation.answer(ctx);
        } catch (DomainException e) {
            errors.write(ctx, e.error());
        } catch (RuntimeException e) {
            if (StorageOutage.causes(e)) {
                // Expected while the database is away: one line, no stack trace; /readyz says the same.
                LOG.warn("{} {} answered 503: database unavailable ({}) (request {})", api, ctx.path(),
                        e.getClass().getSimpleName(), RequestContexts.of(ctx).requestId());
                errors.writeUnavailable(ctx);
                return;
            }
            if (isTooLarge(e)) {
                // Not a bug but a client sending too much: Javalin has logged it in one line already.
                discardUnreadBody(ctx);
                errors.writeTooLarge(ctx);
                return;
            }
            // Requests carry client secrets, tokens and signatures, so only the failure itself is logged.
            LOG.error("{} {} failed unexpectedly (request {})", api, ctx.path(), RequestContexts.of(ctx).requestId(),
                    e);
            errors.writeInternal(ctx);
        }
    }

    /**
     * Reads and drops what the client is still sending (up to a bound), so the connection is not reset under a client
     * still writing, which would lose the 413 it is about to read.
     */
    private static void discardUnreadBody(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            long discarded = 0;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (discarded < DISCARDED_AT_MOST && (read = body.read(buffer)) != -1) {
                discarded += read;
            }
        } catch (IOException | RuntimeException e) {
            // The client gave up: nothing more to do than answer, if it still listens.
        }
    }

    /** How Javalin refuses to read a body over its {@code maxRequestSize}. */
    private static boolean isTooLarge(RuntimeException e) {
        return e instanceof HttpResponseException response
                && response.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode();
    }
}
