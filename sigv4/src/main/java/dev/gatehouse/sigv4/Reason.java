package dev.gatehouse.sigv4;

/** Why a request was rejected. Each value maps onto one family of AWS error codes. */
public enum Reason {
    /** Neither an Authorization header nor presigned query parameters. */
    MISSING_AUTHENTICATION,
    /** The Authorization header or presigned parameters cannot be parsed. */
    MALFORMED_AUTHORIZATION,
    /** A required part of the signature (credential, signed headers, signature, date) is absent. */
    INCOMPLETE_SIGNATURE,
    /** The secret lookup does not know the access key id (with this session token). */
    UNKNOWN_ACCESS_KEY,
    /** The request, as received, is not what the key holder signed. */
    SIGNATURE_MISMATCH,
    /** Outside the allowed clock skew, or a presigned URL whose X-Amz-Expires has elapsed. */
    REQUEST_EXPIRED,
    /** An algorithm other than AWS4-HMAC-SHA256 (e.g. SigV4a or SigV2). */
    UNSUPPORTED_ALGORITHM,
    /** The credential scope is not {@code date/region/service/aws4_request} for the request date. */
    INVALID_CREDENTIAL_SCOPE,
    /** X-Amz-Content-Sha256 does not describe the received body, or names an unsupported payload mode. */
    PAYLOAD_HASH_MISMATCH
}
