package dev.gatehouse.server.awsjson;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.http.WireError;

/**
 * The error names and statuses the administration APIs (identitystore, sso-admin) share. Their models give no status
 * codes (awsJson clients dispatch on the name): 400 for the caller's mistakes, 403 for a caller not let in, as the
 * authorization API answers. Signature failures have no shape in the models: they carry the names AWS's JSON
 * endpoints use.
 */
public final class AdminApiErrorNames {

    private static final WireError VALIDATION = new WireError(400, "ValidationException");
    private static final WireError NOT_FOUND = new WireError(400, "ResourceNotFoundException");
    private static final WireError CONFLICT = new WireError(400, "ConflictException");
    private static final WireError ACCESS_DENIED = new WireError(403, "AccessDeniedException");
    private static final WireError THROTTLING = new WireError(400, "ThrottlingException");
    private static final WireError UNRECOGNIZED_CLIENT = new WireError(403, "UnrecognizedClientException");
    private static final WireError INVALID_SIGNATURE = new WireError(403, "InvalidSignatureException");
    private static final WireError EXPIRED_TOKEN = new WireError(403, "ExpiredTokenException");

    private AdminApiErrorNames() {
    }

    public static WireError of(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e -> VALIDATION;
            case DomainError.UnsupportedGrantType e -> VALIDATION;
            case DomainError.InvalidScope e -> VALIDATION;
            case DomainError.AuthorizationPending e -> VALIDATION;
            case DomainError.CsrfRejected e -> VALIDATION;
            case DomainError.NotFound e -> NOT_FOUND;
            case DomainError.AlreadyExists e -> CONFLICT;
            case DomainError.SignatureRejected e -> switch (e.kind()) {
                case MISSING_AUTHENTICATION_TOKEN -> new WireError(403, "MissingAuthenticationTokenException");
                case INCOMPLETE_SIGNATURE -> new WireError(403, "IncompleteSignatureException");
                case INVALID_CLIENT_TOKEN_ID -> UNRECOGNIZED_CLIENT;
                case SIGNATURE_DOES_NOT_MATCH, REQUEST_EXPIRED -> INVALID_SIGNATURE;
                case EXPIRED_TOKEN -> EXPIRED_TOKEN;
            };
            case DomainError.ExpiredToken e -> EXPIRED_TOKEN;
            case DomainError.Unauthorized e -> UNRECOGNIZED_CLIENT;
            case DomainError.InvalidClient e -> UNRECOGNIZED_CLIENT;
            case DomainError.InvalidGrant e -> UNRECOGNIZED_CLIENT;
            case DomainError.InvalidCredentials e -> UNRECOGNIZED_CLIENT;
            case DomainError.UnauthorizedClient e -> ACCESS_DENIED;
            case DomainError.AccessDenied e -> ACCESS_DENIED;
            case DomainError.SlowDown e -> THROTTLING;
            case DomainError.TooManyRequests e -> THROTTLING;
        };
    }
}
