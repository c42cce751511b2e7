package dev.gatehouse.server.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.scim.ScimFields;
import dev.gatehouse.server.http.ErrorWriter;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.StorageOutage;
import io.javalin.http.Context;

/**
 * How SCIM refuses (RFC 7644 §3.12): {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],
 * "status":"400","scimType":"invalidFilter","detail":…}}, the status as a string. The scimType doubles as
 * {@code x-amzn-ErrorType}, which every error response carries.
 */
final class ScimErrors implements ErrorWriter {

    static final ScimErrors WRITER = new ScimErrors();
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    /** One SCIM error: the status and the scimType (null where the RFC names none). */
    record ScimError(int status, String scimType) { }

    private ScimErrors() {
    }

    static ScimError scimError(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e -> switch (e.field()) {
                case ScimFields.FILTER -> new ScimError(400, "invalidFilter");
                case ScimFields.PATH -> new ScimError(400, "invalidPath");
                case ScimFields.TARGET -> new ScimError(400, "noTarget");
                case ScimFields.READ_ONLY -> new ScimError(400, "mutability");
                case ScimFields.VERSION -> new ScimError(412, "preconditionFailed");
                case ScimFields.SYNTAX, "body" -> new ScimError(400, "invalidSyntax");
                default -> new ScimError(400, "invalidValue");
            };
            case DomainError.AlreadyExists e -> new ScimError(409, "uniqueness");
            case DomainError.NotFound e -> new ScimError(404, null);
            case DomainError.Unauthorized e -> new ScimError(401, null);
            case DomainError.ExpiredToken e -> new ScimError(401, null);
            case DomainError.InvalidClient e -> new ScimError(401, null);
            case DomainError.InvalidCredentials e -> new ScimError(401, null);
            case DomainError.SignatureRejected e -> new ScimError(401, null);
            case DomainError.InvalidGrant e -> new ScimError(401, null);
            case DomainError.UnauthorizedClient e -> new ScimError(403, null);
            case DomainError.AccessDenied e -> new ScimError(403, null);
            case DomainError.CsrfRejected e -> new ScimError(403, null);
            case DomainError.UnsupportedGrantType e -> new ScimError(400, "invalidValue");
            case DomainError.InvalidScope e -> new ScimError(400, "invalidValue");
            case DomainError.AuthorizationPending e -> new ScimError(400, "invalidValue");
            case DomainError.SlowDown e -> new ScimError(429, "tooMany");
            case DomainError.TooManyRequests e -> new ScimError(429, "tooMany");
        };
    }

    @Override
    public void write(Context ctx, DomainError error) {
        write(ctx, scimError(error), error.message());
    }

    @Override
    public void writeInternal(Context ctx) {
        write(ctx, new ScimError(500, null), INTERNAL_MESSAGE);
    }

    @Override
    public void writeTooLarge(Context ctx) {
        write(ctx, new ScimError(413, "tooLarge"), TOO_LARGE_MESSAGE);
    }

    @Override
    public void writeUnavailable(Context ctx) {
        ctx.header("Retry-After", String.valueOf(StorageOutage.RETRY_AFTER_SECONDS));
        write(ctx, new ScimError(503, null), UNAVAILABLE_MESSAGE);
    }

    static String body(ScimError error, String detail) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType());
        }
        body.put("detail", detail);
        return Json.write(body);
    }

    private static void write(Context ctx, ScimError error, String detail) {
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"scim\"");
        }
        ctx.status(error.status())
                .header("x-amzn-ErrorType", error.scimType() != null ? error.scimType()
                        : error.status() == 404 ? "notFound" : error.status() == 401 ? "unauthorized"
                        : error.status() == 403 ? "forbidden"
                        : error.status() == 503 ? "unavailable" : "internal")
                .contentType(ScimApi.CONTENT_TYPE)
                .result(body(error, detail));
    }
}
