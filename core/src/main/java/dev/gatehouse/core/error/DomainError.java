package dev.gatehouse.core.error;

/**
 * Every way an operation can fail that a client should hear about. Each wire format has exactly one
 * writer that switches over this sealed family, so a new error does not compile until every
 * protocol maps it. Messages are safe to show to the caller: never a secret, never internal detail.
 */
public sealed interface DomainError {

    String message();

    /** A request field is missing or malformed. */
    record InvalidInput(String field, String message) implements DomainError { }

    /** A referenced thing does not exist (or is not visible to the caller). */
    record NotFound(String kind, String id, String message) implements DomainError {
        public NotFound(String kind, String id) {
            this(kind, id, kind + " '" + id + "' does not exist");
        }
    }

    /** A name that must be unique is taken. */
    record AlreadyExists(String kind, String name, String message) implements DomainError {
        public AlreadyExists(String kind, String name) {
            this(kind, name, kind + " '" + name + "' already exists");
        }
    }

    /** The OAuth client is unknown, its secret is wrong, or its registration has expired. */
    record InvalidClient(String message) implements DomainError { }

    /** The client may not use this grant (RFC 6749 unauthorized_client). */
    record UnauthorizedClient(String message) implements DomainError { }

    /** A grant (device code, refresh token) is unknown, used, revoked or not the client's. */
    record InvalidGrant(String message) implements DomainError { }

    record UnsupportedGrantType(String grantType, String message) implements DomainError {
        public UnsupportedGrantType(String grantType) {
            this(grantType, "Unsupported grant type: " + grantType);
        }
    }

    record InvalidScope(String message) implements DomainError { }

    /** RFC 8628: the user has not yet approved the device code. */
    record AuthorizationPending(String message) implements DomainError {
        public AuthorizationPending() {
            this("Authorization is still pending");
        }
    }

    /** RFC 8628: the client polls faster than the interval it was given. */
    record SlowDown(String message) implements DomainError {
        public SlowDown() {
            this("Client is polling too quickly");
        }
    }

    /** A device code, token or credentials whose lifetime has ended. */
    record ExpiredToken(String message) implements DomainError { }

    /** The user said no, or is not allowed what was asked. */
    record AccessDenied(String message) implements DomainError { }

    /** A bearer token is missing, unknown, revoked or expired (portal API). */
    record Unauthorized(String message) implements DomainError { }

    /** Sign-in failed. One message whether the user exists or not. */
    record InvalidCredentials(String message) implements DomainError {
        public InvalidCredentials() {
            this("The user name or password is incorrect.");
        }
    }

    /**
     * A SigV4-signed request failed authentication: {@code kind} says how, as STS reports it, {@code check} which
     * check refused it, and {@code message} what was wrong, in Gatehouse's words. Protocols with wording of their own
     * for a failure (STS) choose it from the kind and the check.
     */
    record SignatureRejected(SignatureFailure kind, SignatureCheck check, String message) implements DomainError {

        public SignatureRejected(SignatureFailure kind, String message) {
            this(kind, SignatureCheck.OTHER, message);
        }
    }

    /** Too many attempts; try later. */
    record TooManyRequests(String message) implements DomainError { }

    /** The form's CSRF token is missing or wrong. */
    record CsrfRejected(String message) implements DomainError {
        public CsrfRejected() {
            this("The form has expired. Reload the page and try again.");
        }
    }

    /** Checks that AWS words apart from the rest of their {@link SignatureFailure}. */
    enum SignatureCheck {
        /** The signature is not the one the credentials make over the request as received. */
        SIGNATURE,
        /** The credentials are scoped to another service than the one that verifies them. */
        SERVICE_SCOPE,
        /** Any other check; the message says which. */
        OTHER
    }

    enum SignatureFailure {
        MISSING_AUTHENTICATION_TOKEN,
        INCOMPLETE_SIGNATURE,
        INVALID_CLIENT_TOKEN_ID,
        SIGNATURE_DOES_NOT_MATCH,
        EXPIRED_TOKEN,
        REQUEST_EXPIRED
    }
}
