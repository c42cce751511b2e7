package dev.gatehouse.server.portal;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.http.RestJsonErrors;
import dev.gatehouse.server.http.WireError;

/** How the sso portal refuses: the model's status code and exception name, and a body {@code {"message":…}}. */
final class PortalErrors {

    static final RestJsonErrors WRITER = new RestJsonErrors(PortalErrors::wireError, RestJsonErrors.MESSAGE);

    private static final WireError INVALID_REQUEST = new WireError(400, "InvalidRequestException");
    private static final WireError UNAUTHORIZED = new WireError(401, "UnauthorizedException");
    private static final WireError NOT_FOUND = new WireError(404, "ResourceNotFoundException");
    private static final WireError TOO_MANY_REQUESTS = new WireError(429, "TooManyRequestsException");

    private PortalErrors() {
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
}
