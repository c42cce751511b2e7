package dev.gatehouse.authz.client;

/**
 * The authorization API refused the call itself (the service credential is wrong or deleted, the query is
 * malformed) or could not be reached. Not a decision: treat it as "cannot authorize" and deny.
 */
public final class AuthorizationApiException extends RuntimeException {

    private final int status;
    private final String errorType;

    AuthorizationApiException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    AuthorizationApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorType = null;
    }

    /** The HTTP status; 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The {@code x-amzn-ErrorType}, e.g. {@code InvalidSignatureException}; null when no answer came. */
    public String errorType() {
        return errorType;
    }
}
