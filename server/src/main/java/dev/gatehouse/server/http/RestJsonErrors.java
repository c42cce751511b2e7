package dev.gatehouse.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainError;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Writes errors as the restJson APIs answer them (sso-oidc, the sso portal, the authorization API): the status, the
 * error's name in {@code x-amzn-ErrorType}, without which the AWS CLI and SDKs do not recognise the error, and a
 * JSON body.
 */
public final class RestJsonErrors implements ErrorWriter {

    /** The JSON body of one error. */
    @FunctionalInterface
    public interface Body {
        ObjectNode of(WireError wire, String message);
    }

    /** {@code {"message":…}}, the one member the models give most errors. */
    public static final Body MESSAGE = (wire, message) -> Json.MAPPER.createObjectNode().put("message", message);

    /** A body too large to read is a malformed request too: clients that know InvalidRequestException see one. */
    public static final WireError TOO_LARGE = new WireError(413, "InvalidRequestException");

    private final Function<DomainError, WireError> wireErrors;
    private final Body body;

    /** @param wireErrors the protocol's one exhaustive switch over the errors */
    public RestJsonErrors(Function<DomainError, WireError> wireErrors, Body body) {
        this.wireErrors = wireErrors;
        this.body = body;
    }

    @Override
    public void write(Context ctx, DomainError error) {
        write(ctx, wireErrors.apply(error), error.message());
    }

    @Override
    public void writeInternal(Context ctx) {
        write(ctx, WireError.INTERNAL, INTERNAL_MESSAGE);
    }

    @Override
    public void writeTooLarge(Context ctx) {
        write(ctx, TOO_LARGE, TOO_LARGE_MESSAGE);
    }

    @Override
    public void writeUnavailable(Context ctx) {
        ctx.header("Retry-After", String.valueOf(StorageOutage.RETRY_AFTER_SECONDS));
        write(ctx, WireError.UNAVAILABLE, UNAVAILABLE_MESSAGE);
    }

    public String body(WireError wire, String message) {
        return Json.write(body.of(wire, message));
    }

    private void write(Context ctx, WireError wire, String message) {
        ctx.status(wire.status())
                .header("x-amzn-ErrorType", wire.code())
                .contentType("application/json")
                .result(body(wire, message));
    }
}
