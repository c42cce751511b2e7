package dev.gatehouse.server.awsjson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.WireError;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * The awsJson 1.1 protocol (identitystore, sso-admin): {@code POST /} with the operation in {@code X-Amz-Target},
 * a JSON body each way, timestamps as epoch seconds, and errors named by {@code __type} and
 * {@code x-amzn-ErrorType}.
 */
public final class AwsJson {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AwsJson() {
    }

    /** Answers 200 with {@code value} as the JSON body. */
    public static void respond(Context ctx, Object value) {
        ctx.contentType(CONTENT_TYPE).result(Json.write(value));
    }

    /** {@code {"__type":…,"Message":…}}: the members every error shape of these models has. */
    public static ObjectNode errorBody(WireError wire, String message) {
        return Json.MAPPER.createObjectNode().put("__type", wire.code()).put("Message", message);
    }

    public static void writeError(Context ctx, WireError wire, ObjectNode body) {
        ctx.status(wire.status())
                .header("x-amzn-ErrorType", wire.code())
                .contentType(CONTENT_TYPE)
                .result(Json.write(body));
    }

    /** A timestamp as awsJson sends it: seconds since the epoch, with milliseconds as the fraction. */
    public static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
