package dev.gatehouse.server.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainError;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The one writer of sso portal errors: the model's status code, the {@code x-amzn-ErrorType} header the
 * AWS clients dispatch on, and a body {@code {"message":…}}.
 */
public final class PortalErrors {

    /** How one error looks on the wire: the model's status code and exception name. */
    public record WireError(int status, String exception) { }

    static final WireError INTERNAL = new WireError(500, "InternalServerException");
    static final String INTERNAL_MESSAGE = "An internal error occurred. Try again later.";

    private static final WireError INVALID_REQUEST = new WireError(400, "InvalidRequestException");
    private static final WireError UNAUTHORIZED = new WireError(401, "UnauthorizedException");
    private static final WireError NOT_FOUND = new WireError(404, "ResourceNotFoundException");
    private static final WireError TOO_MANY_REQUESTS = new WireError(429, "TooManyRequestsException");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PortalErrors() {
    }

    public static WireError wireError(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e -> INVALID_REQUEST;
            case DomainError.AlreadyExists e -> INVALID_REQUEST;
            case DomainError.UnsupportedGrantType e -> INVALID_REQUEST;
            case DomainError.InvalidScope e -> INVALID_REQUEST;
            case DomainError.AuthorizationPending e -> INVALID_REQUEST;
            case DomainError.CsrfRejected e -> INVALID_REQUEST;
            case DomainError.NotFound e -> NOT_FOUND;
            // The portal knows one way to refuse a caller: its bearer token does not get it in.
            case DomainError.Unauthorized e -> UNAUTHORIZED;
            case DomainError.ExpiredToken e -> UNAUTHORIZED;
            case DomainError.InvalidClient e -> UNAUTHORIZED;
            case DomainError.UnauthorizedClient e -> UNAUTHORIZED;
            case DomainError.InvalidGrant e -> UNAUTHORIZED;
            case DomainError.AccessDenied e -> UNAUTHORIZED;
            case DomainError.InvalidCredentials e -> UNAUTHORIZED;
            case DomainError.SignatureRejected e -> UNAUTHORIZED;
            case DomainError.SlowDown e -> TOO_MANY_REQUESTS;
            case DomainError.TooManyRequests e -> TOO_MANY_REQUESTS;
        };
    }

    public static void write(Context ctx, DomainError error) {
        write(ctx, wireError(error), error.message());
    }

    /** For failures that are bugs, not refusals: the detail stays in the log. */
    public static void writeInternal(Context ctx) {
        write(ctx, INTERNAL, INTERNAL_MESSAGE);
    }

    public static String body(String message) {
        try {
            return JSON.writeValueAsString(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a one-string JSON object always serializes", e);
        }
    }

    private static void write(Context ctx, WireError wire, String message) {
        ctx.status(wire.status())
                .header("x-amzn-ErrorType", wire.exception())
                .contentType("application/json")
                .result(body(message));
    }
}
