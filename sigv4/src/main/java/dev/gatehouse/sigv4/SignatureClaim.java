package dev.gatehouse.sigv4;

import java.util.Set;

/**
 * What the client claims it signed: who, when, which headers, and the signature. It comes either from the
 * Authorization header or from presigned-URL query parameters; nothing in it is trusted until the
 * signature has been recomputed.
 */
sealed interface SignatureClaim permits AuthorizationHeaderClaim, PresignedQueryClaim {

    /** The only algorithm this verifier speaks; SigV4a (AWS4-ECDSA-P256-SHA256) is out of scope. */
    String ALGORITHM = "AWS4-HMAC-SHA256";

    Credential credential();

    SignedHeaders signedHeaders();

    /** The signature as sent: expected to be 64 lower-case hex digits, compared in constant time. */
    String signature();

    AmzDate signedAt();

    /** {@code X-Amz-Security-Token}, or {@code null}. */
    String sessionToken();

    /** Query parameters left out of the canonical query string. */
    Set<String> unsignedQueryParameters();

    /** Finds the claim in either form; a request carrying both is refused as ambiguous. */
    static SignatureClaim of(ParsedRequest request) throws SigV4Exception {
        boolean presigned = PresignedQueryClaim.isPresent(request.query());
        boolean header = request.headers().contains("authorization");
        if (presigned && header) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                    "request carries both an Authorization header and presigned query parameters");
        }
        if (presigned) {
            return PresignedQueryClaim.parse(request);
        }
        if (header) {
            return AuthorizationHeaderClaim.parse(request);
        }
        throw new SigV4Exception(Reason.MISSING_AUTHENTICATION,
                "request has neither an Authorization header nor an X-Amz-Signature query parameter");
    }
}
