package dev.gatehouse.server.sts;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainError.SignatureRejected;
import dev.gatehouse.server.http.ErrorWriter;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.http.StorageOutage;
import dev.gatehouse.server.http.WireError;
import io.javalin.http.Context;

/**
 * How STS (awsQuery) refuses: an {@code <ErrorResponse>} document whose {@code <Code>} the SDKs dispatch on, the same
 * code in {@code x-amzn-ErrorType}, the status AWS uses for it, and AWS's own words for signature failures, which
 * people search for.
 */
final class StsErrors implements ErrorWriter {

    static final StsErrors WRITER = new StsErrors();

    static final WireError INTERNAL = new WireError(500, "InternalFailure");
    /** AWS's awsQuery code for a service that cannot answer now; the SDKs retry it. */
    static final WireError UNAVAILABLE = new WireError(503, "ServiceUnavailable");
    /** No model shape covers it; AWS's name for the condition, in awsQuery's spelling without "Exception". */
    static final WireError TOO_LARGE = new WireError(413, "RequestEntityTooLarge");

    private static final WireError INVALID_CLIENT_TOKEN_ID = new WireError(403, "InvalidClientTokenId");
    private static final WireError ACCESS_DENIED = new WireError(403, "AccessDenied");
    private static final WireError INVALID_PARAMETER = new WireError(400, "InvalidParameterValue");
    private static final WireError THROTTLING = new WireError(400, "Throttling");
    private static final WireError SIGNATURE_DOES_NOT_MATCH = new WireError(403, "SignatureDoesNotMatch");
    private static final WireError EXPIRED_TOKEN = new WireError(400, "ExpiredToken");

    private StsErrors() {
    }

    static WireError wireError(DomainError error) {
        return switch (error) {
            case DomainError.InvalidInput e when "Action".equals(e.field()) -> new WireError(400, "InvalidAction");
            case DomainError.InvalidInput e -> INVALID_PARAMETER;
            case DomainError.UnsupportedGrantType e -> INVALID_PARAMETER;
            case DomainError.InvalidScope e -> INVALID_PARAMETER;
            case DomainError.AuthorizationPending e -> INVALID_PARAMETER;
            case DomainError.CsrfRejected e -> INVALID_PARAMETER;
            case DomainError.NotFound e -> new WireError(404, "NoSuchEntity");
            case DomainError.AlreadyExists e -> new WireError(409, "EntityAlreadyExists");
            case DomainError.SignatureRejected e -> switch (e.kind()) {
                case MISSING_AUTHENTICATION_TOKEN -> new WireError(403, "MissingAuthenticationToken");
                case INCOMPLETE_SIGNATURE -> new WireError(400, "IncompleteSignature");
                case INVALID_CLIENT_TOKEN_ID -> INVALID_CLIENT_TOKEN_ID;
                // A stale signature is reported as a mismatch, the code SDKs answer by correcting their clock skew.
                case SIGNATURE_DOES_NOT_MATCH, REQUEST_EXPIRED -> SIGNATURE_DOES_NOT_MATCH;
                case EXPIRED_TOKEN -> EXPIRED_TOKEN;
            };
            case DomainError.ExpiredToken e -> EXPIRED_TOKEN;
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

    /** The message as the client sees it: core's, but a signature failure in the words AWS uses for it. */
    static String message(DomainError error) {
        return error instanceof SignatureRejected rejected ? signatureMessage(rejected) : error.message();
    }

    private static String signatureMessage(SignatureRejected rejected) {
        return switch (rejected.kind()) {
            case MISSING_AUTHENTICATION_TOKEN -> "Request is missing Authentication Token";
            case INVALID_CLIENT_TOKEN_ID -> "The security token included in the request is invalid.";
            case EXPIRED_TOKEN -> "The security token included in the request is expired";
            case REQUEST_EXPIRED -> "Signature expired: " + rejected.message();
            case INCOMPLETE_SIGNATURE -> rejected.message();
            case SIGNATURE_DOES_NOT_MATCH -> switch (rejected.check()) {
                case SIGNATURE -> "The request signature we calculated does not match the signature you provided. "
                        + "Check your AWS Secret Access Key and signing method. Consult the service documentation "
                        + "for details.";
                case SERVICE_SCOPE -> "Credential should be scoped to correct service: 'sts'.";
                case OTHER -> rejected.message();
            };
        };
    }

    /** {@code Receiver} when the fault is the server's, as in AWS. */
    static String type(WireError wire) {
        return wire.status() >= 500 ? "Receiver" : "Sender";
    }

    static String body(WireError wire, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + StsXml.NAMESPACE + "\">"
                + "<Error>"
                + "<Type>" + type(wire) + "</Type>"
                + "<Code>" + XmlText.escape(wire.code()) + "</Code>"
                + "<Message>" + XmlText.escape(message) + "</Message>"
                + "</Error>"
                + "<RequestId>" + XmlText.escape(requestId) + "</RequestId>"
                + "</ErrorResponse>";
    }

    @Override
    public void write(Context ctx, DomainError error) {
        write(ctx, wireError(error), message(error));
    }

    @Override
    public void writeInternal(Context ctx) {
        write(ctx, INTERNAL, INTERNAL_MESSAGE);
    }

    @Override
    public void writeTooLarge(Context ctx) {
        write(ctx, TOO_LARGE, TOO_LARGE_MESSAGE);
    }

    @Override
    public void writeUnavailable(Context ctx) {
        ctx.header("Retry-After", String.valueOf(StorageOutage.RETRY_AFTER_SECONDS));
        write(ctx, UNAVAILABLE, UNAVAILABLE_MESSAGE);
    }

    private static void write(Context ctx, WireError wire, String message) {
        ctx.status(wire.status())
                .header("x-amzn-ErrorType", wire.code())
                .contentType(StsXml.CONTENT_TYPE)
                .result(body(wire, message, RequestContexts.of(ctx).requestId()));
    }
}
