package dev.gatehouse.server.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainError;
import io.javalin.http.Context;

/**
 * The one writer of sso-oidc errors: the status code from the model, the {@code x-amzn-ErrorType} header
 * the AWS clients dispatch on, and an OAuth error body {@code {"error":…,"error_description":…}}.
 */
public final class OidcErrors {

    /** How one error looks on the wire: the model's status and exception name, and the OAuth error code. */
    public record WireError(int status, String exception, String oauthError) { }

    static final WireError INTERNAL = new WireError(500, "InternalServerException", "server_error");
    static final String INTERNAL_MESSAGE = "An internal error occurred. Try again later.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OidcErrors() {
    }

    public static WireError wireError(DomainError error) {
        return switch (error) {
            // RegisterClient names its one field-specific refusal after the field (RFC 7591 §3.2.2).
            case DomainError.InvalidInput e when "redirectUris".equals(e.field()) ->
                    new WireError(400, "InvalidRedirectUriException", "invalid_redirect_uri");
            case DomainError.InvalidInput e -> invalidRequest();
            case DomainError.NotFound e -> invalidRequest();
            case DomainError.AlreadyExists e -> invalidRequest();
            case DomainError.CsrfRejected e -> invalidRequest();
            case DomainError.InvalidClient e -> new WireError(401, "InvalidClientException", "invalid_client");
            case DomainError.UnauthorizedClient e ->
                    new WireError(400, "UnauthorizedClientException", "unauthorized_client");
            case DomainError.InvalidGrant e -> new WireError(400, "InvalidGrantException", "invalid_grant");
            case DomainError.UnsupportedGrantType e ->
                    new WireError(400, "UnsupportedGrantTypeException", "unsupported_grant_type");
            case DomainError.InvalidScope e -> new WireError(400, "InvalidScopeException", "invalid_scope");
            case DomainError.AuthorizationPending e ->
                    new WireError(400, "AuthorizationPendingException", "authorization_pending");
            // sso-oidc has no throttling error of its own; slow_down is how it tells a client to back off.
            case DomainError.SlowDown e -> slowDown();
            case DomainError.TooManyRequests e -> slowDown();
            case DomainError.ExpiredToken e -> new WireError(400, "ExpiredTokenException", "expired_token");
            // Whoever is refused here (a person, a token, a signature) hears the same: access denied.
            case DomainError.AccessDenied e -> accessDenied();
            case DomainError.Unauthorized e -> accessDenied();
            case DomainError.InvalidCredentials e -> accessDenied();
            case DomainError.SignatureRejected e -> accessDenied();
        };
    }

    public static void write(Context ctx, DomainError error) {
        write(ctx, wireError(error), error.message());
    }

    /** For failures that are bugs, not refusals: the detail stays in the log. */
    public static void writeInternal(Context ctx) {
        write(ctx, INTERNAL, INTERNAL_MESSAGE);
    }

    /**
     * The JSON body, e.g. {@code {"error":"authorization_pending","error_description":"…","message":"…"}}:
     * the model's OAuth members, plus {@code message}, the one botocore and the SDKs show to people.
     */
    public static String body(WireError wire, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", wire.oauthError());
        body.put("error_description", description);
        body.put("message", description);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object of strings always serializes", e);
        }
    }

    private static void write(Context ctx, WireError wire, String description) {
        ctx.status(wire.status())
                .header("x-amzn-ErrorType", wire.exception())
                .contentType("application/json")
                .result(body(wire, description));
    }

    private static WireError invalidRequest() {
        return new WireError(400, "InvalidRequestException", "invalid_request");
    }

    private static WireError slowDown() {
        return new WireError(400, "SlowDownException", "slow_down");
    }

    private static WireError accessDenied() {
        return new WireError(400, "AccessDeniedException", "access_denied");
    }
}
