package dev.gatehouse.server.oidc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.RestJsonErrors;
import dev.gatehouse.server.http.WireError;
import java.util.Locale;

/**
 * How sso-oidc refuses: the status code and exception name from the model, and an OAuth error body
 * {@code {"error":…,"error_description":…}}.
 */
final class OidcErrors {

    static final RestJsonErrors WRITER = new RestJsonErrors(OidcErrors::wireError, OidcErrors::body);

    private static final WireError INVALID_REQUEST = new WireError(400, "InvalidRequestException");
    private static final WireError SLOW_DOWN = new WireError(400, "SlowDownException");
    private static final WireError ACCESS_DENIED = new WireError(400, "AccessDeniedException");

    private OidcErrors() {
    }

    static WireError wireError(DomainError error) {
        return switch (error) {
            // RegisterClient names its one field-specific refusal after the field (RFC 7591 §3.2.2).
            case DomainError.InvalidInput e when "redirectUris".equals(e.field()) ->
                    new WireError(400, "InvalidRedirectUriException");
            case DomainError.InvalidInput e -> INVALID_REQUEST;
            case DomainError.NotFound e -> INVALID_REQUEST;
            case DomainError.AlreadyExists e -> INVALID_REQUEST;
            case DomainError.CsrfRejected e -> INVALID_REQUEST;
            case DomainError.InvalidClient e -> new WireError(401, "InvalidClientException");
            case DomainError.UnauthorizedClient e -> new WireError(400, "UnauthorizedClientException");
            case DomainError.InvalidGrant e -> new WireError(400, "InvalidGrantException");
            case DomainError.UnsupportedGrantType e -> new WireError(400, "UnsupportedGrantTypeException");
            case DomainError.InvalidScope e -> new WireError(400, "InvalidScopeException");
            case DomainError.AuthorizationPending e -> new WireError(400, "AuthorizationPendingException");
            // sso-oidc has no throttling error of its own; slow_down is how it tells a client to back off.
            case DomainError.SlowDown e -> SLOW_DOWN;
            case DomainError.TooManyRequests e -> SLOW_DOWN;
            case DomainError.ExpiredToken e -> new WireError(400, "ExpiredTokenException");
            // Whoever is refused here (a person, a token, a signature) hears the same: access denied.
            case DomainError.AccessDenied e -> ACCESS_DENIED;
            case DomainError.Unauthorized e -> ACCESS_DENIED;
            case DomainError.InvalidCredentials e -> ACCESS_DENIED;
            case DomainError.SignatureRejected e -> ACCESS_DENIED;
        };
    }

    /**
     * The OAuth error code, which the model fixes for each exception ("For this exception the value will be
     * {@code invalid_grant}"): its name in snake case without "Exception", except for InternalServerException.
     */
    static String oauthError(WireError wire) {
        if (wire.equals(WireError.INTERNAL)) {
            return "server_error";
        }
        if (wire.equals(WireError.UNAVAILABLE)) {
            return "temporarily_unavailable";   // RFC 6749 §4.1.2.1
        }
        return wire.code().replaceFirst("Exception$", "").replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * E.g. {@code {"error":"authorization_pending","error_description":"…","message":"…"}}: the model's OAuth
     * members, plus {@code message}, the one botocore and the SDKs show to people.
     */
    static ObjectNode body(WireError wire, String description) {
        return Json.MAPPER.createObjectNode()
                .put("error", oauthError(wire))
                .put("error_description", description)
                .put("message", description);
    }
}
