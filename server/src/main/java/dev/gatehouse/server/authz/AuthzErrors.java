package dev.gatehouse.server.authz;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.http.RestJsonErrors;
import dev.gatehouse.server.http.WireError;

/**
 * How the authorization API refuses: a status, {@code x-amzn-ErrorType} and {@code {"message":…}}. Only the service's
 * own call can fail this way; a forwarded request that does not authenticate is a {@code DENY} answer, not an error.
 */
final class AuthzErrors {

    static final RestJsonErrors WRITER = new RestJsonErrors(AuthzErrors::wireError, RestJsonErrors.MESSAGE);

    private static final WireError INVALID_REQUEST = new WireError(400, "InvalidRequestException");
    private static final WireError NOT_FOUND = new WireError(404, "ResourceNotFoundException");
    private static final WireError ACCESS_DENIED = new WireError(403, "AccessDeniedException");
    private static final WireError MISSING_AUTHENTICATION = new WireError(403, "MissingAuthenticationTokenException");
    private static final WireError UNRECOGNIZED_CLIENT = new WireError(403, "UnrecognizedClientException");
    private static final WireError INVALID_SIGNATURE = new WireError(403, "InvalidSignatureException");
    private static final WireError TOO_MANY_REQUESTS = new WireError(429, "ThrottlingException");

    private AuthzErrors() {
    }

    static WireError wireError(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e -> INVALID_REQUEST;
            case DomainError.AlreadyExists e -> INVALID_REQUEST;
            case DomainError.UnsupportedGrantType e -> INVALID_REQUEST;
            case DomainError.InvalidScope e -> INVALID_REQUEST;
            case DomainError.AuthorizationPending e -> INVALID_REQUEST;
            case DomainError.CsrfRejected e -> INVALID_REQUEST;
            case DomainError.NotFound e -> NOT_FOUND;
            case DomainError.Unauthorized e -> ACCESS_DENIED;
            case DomainError.ExpiredToken e -> ACCESS_DENIED;
            case DomainError.InvalidClient e -> ACCESS_DENIED;
            case DomainError.UnauthorizedClient e -> ACCESS_DENIED;
            case DomainError.InvalidGrant e -> ACCESS_DENIED;
            case DomainError.AccessDenied e -> ACCESS_DENIED;
            case DomainError.InvalidCredentials e -> ACCESS_DENIED;
            case DomainError.SignatureRejected e -> switch (e.kind()) {
                case MISSING_AUTHENTICATION_TOKEN -> MISSING_AUTHENTICATION;
                case INVALID_CLIENT_TOKEN_ID, EXPIRED_TOKEN -> UNRECOGNIZED_CLIENT;
                case INCOMPLETE_SIGNATURE, SIGNATURE_DOES_NOT_MATCH, REQUEST_EXPIRED -> INVALID_SIGNATURE;
            };
            case DomainError.SlowDown e -> TOO_MANY_REQUESTS;
            case DomainError.TooManyRequests e -> TOO_MANY_REQUESTS;
        };
    }
}
