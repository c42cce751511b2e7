package dev.gatehouse.server.sts;

import dev.gatehouse.core.error.DomainError;
import io.javalin.http.Context;

/**
 * The one writer of STS (awsQuery) errors: an {@code <ErrorResponse>} document whose {@code <Code>} the
 * SDKs dispatch on, the same code in {@code x-amzn-ErrorType}, and the status AWS uses for it.
 */
public final class StsErrors {

    /** How one error looks on the wire. {@code type} is {@code Sender} or {@code Receiver}, as in AWS. */
    public record WireError(int status, String code, String type) {

        static WireError sender(int status, String code) {
            return new WireError(status, code, "Sender");
        }
    }

    static final WireError INTERNAL = new WireError(500, "InternalFailure", "Receiver");
    static final String INTERNAL_MESSAGE = "An internal error occurred. Try again later.";

    private static final WireError INVALID_CLIENT_TOKEN_ID = WireError.sender(403, "InvalidClientTokenId");
    private static final WireError ACCESS_DENIED = WireError.sender(403, "AccessDenied");
    private static final WireError INVALID_PARAMETER = WireError.sender(400, "InvalidParameterValue");
    private static final WireError THROTTLING = WireError.sender(400, "Throttling");
    private static final String SIGNATURE_EXPIRED = "Signature expired";

    private StsErrors() {
    }

    public static WireError wireError(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e when "Action".equals(e.field()) -> WireError.sender(400, "InvalidAction");
            case DomainError.InvalidInput e -> INVALID_PARAMETER;
            case DomainError.UnsupportedGrantType e -> INVALID_PARAMETER;
            case DomainError.InvalidScope e -> INVALID_PARAMETER;
            case DomainError.AuthorizationPending e -> INVALID_PARAMETER;
            case DomainError.CsrfRejected e -> INVALID_PARAMETER;
            case DomainError.NotFound e -> WireError.sender(404, "NoSuchEntity");
            case DomainError.AlreadyExists e -> WireError.sender(409, "EntityAlreadyExists");
            case DomainError.SignatureRejected e -> signatureRejected(e.kind());
            case DomainError.ExpiredToken e -> WireError.sender(400, "ExpiredToken");
            // Every other way of presenting credentials that do not (or no longer) count reads as a bad token.
            case DomainError.Unauthorized e -> INVALID_CLIENT_TOKEN_ID;
            case DomainError.InvalidClient e -> INVALID_CLIENT_TOKEN_ID;
            case DomainError.InvalidGrant e -> INVALID_CLIENT_TOKEN_ID;
            case DomainError.InvalidCredentials e -> INVALID_CLIENT_TOKEN_ID;
            case DomainError.UnauthorizedClient e -> ACCESS_DENIED;
            case DomainError.AccessDenied e -> ACCESS_DENIED;
            case DomainError.SlowDown e -> THROTTLING;
            case DomainError.TooManyRequests e -> THROTTLING;
        };
    }

    private static WireError signatureRejected(DomainError.SignatureFailure kind) {
        return switch (kind) {
            case MISSING_AUTHENTICATION_TOKEN -> WireError.sender(403, "MissingAuthenticationToken");
            case INCOMPLETE_SIGNATURE -> WireError.sender(400, "IncompleteSignature");
            case INVALID_CLIENT_TOKEN_ID -> INVALID_CLIENT_TOKEN_ID;
            // A stale signature is reported as a mismatch, the code SDKs answer by correcting their clock skew.
            case SIGNATURE_DOES_NOT_MATCH, REQUEST_EXPIRED -> WireError.sender(403, "SignatureDoesNotMatch");
            case EXPIRED_TOKEN -> WireError.sender(400, "ExpiredToken");
        };
    }

    /** The message as the client sees it; AWS words a stale signature "Signature expired: …". */
    static String message(DomainError error) {
        if (error instanceof DomainError.SignatureRejected rejected
                && rejected.kind() == DomainError.SignatureFailure.REQUEST_EXPIRED
                && !rejected.message().startsWith(SIGNATURE_EXPIRED)) {
            return SIGNATURE_EXPIRED + ": " + rejected.message();
        }
        return error.message();
    }

    public static void write(Context ctx, DomainError error, String requestId) {
        write(ctx, wireError(error), message(error), requestId);
    }

    /** For failures that are bugs, not refusals: the detail stays in the log. */
    public static void writeInternal(Context ctx, String requestId) {
        write(ctx, INTERNAL, INTERNAL_MESSAGE, requestId);
    }

    public static String body(WireError wire, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + StsXml.NAMESPACE + "\">"
                + "<Error>"
                + "<Type>" + wire.type() + "</Type>"
                + "<Code>" + XmlText.escape(wire.code()) + "</Code>"
                + "<Message>" + XmlText.escape(message) + "</Message>"
                + "</Error>"
                + "<RequestId>" + XmlText.escape(requestId) + "</RequestId>"
                + "</ErrorResponse>";
    }

    private static void write(Context ctx, WireError wire, String message, String requestId) {
        ctx.status(wire.status())
                .header("x-amzn-ErrorType", wire.code())
                .contentType(StsXml.CONTENT_TYPE)
                .result(body(wire, message, requestId));
    }
}
