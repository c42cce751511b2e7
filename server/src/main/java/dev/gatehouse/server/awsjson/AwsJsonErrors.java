package dev.gatehouse.server.awsjson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.http.ErrorWriter;
import dev.gatehouse.server.http.StorageOutage;
import dev.gatehouse.server.http.WireError;
import io.javalin.http.Context;

/**
 * Writes errors as the awsJson APIs answer them: the status, the name in {@code __type} and
 * {@code x-amzn-ErrorType}, {@code Message}, and whatever members the API's model gives that error.
 */
public final class AwsJsonErrors implements ErrorWriter {

    /** One API's exhaustive mapping of core's errors to its model's. */
    public interface Mapping {

        WireError wireError(DomainError error);

        /** The members beyond {@code Message} that the model gives this error (ResourceType, Reason, …). */
        default void addMembers(DomainError error, ObjectNode body) {
        }
    }

    /** The models' InternalServerException, the one error shape they mark as the server's fault. */
    public static final WireError INTERNAL = new WireError(500, "InternalServerException");
    /** A body too large to read fails the model's constraints like any other: ValidationException. */
    public static final WireError TOO_LARGE = new WireError(413, "ValidationException");

    private final Mapping mapping;

    public AwsJsonErrors(Mapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public void write(Context ctx, DomainError error) {
        WireError wire = mapping.wireError(error);
        ObjectNode body = AwsJson.errorBody(wire, error.message());
        mapping.addMembers(error, body);
        AwsJson.writeError(ctx, wire, body);
    }

    @Override
    public void writeInternal(Context ctx) {
        AwsJson.writeError(ctx, INTERNAL, AwsJson.errorBody(INTERNAL, INTERNAL_MESSAGE));
    }

    @Override
    public void writeTooLarge(Context ctx) {
        AwsJson.writeError(ctx, TOO_LARGE, AwsJson.errorBody(TOO_LARGE, TOO_LARGE_MESSAGE));
    }

    @Override
    public void writeUnavailable(Context ctx) {
        ctx.header("Retry-After", String.valueOf(StorageOutage.RETRY_AFTER_SECONDS));
        AwsJson.writeError(ctx, WireError.UNAVAILABLE, AwsJson.errorBody(WireError.UNAVAILABLE, UNAVAILABLE_MESSAGE));
    }
}
