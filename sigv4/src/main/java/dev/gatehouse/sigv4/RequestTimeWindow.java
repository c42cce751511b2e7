package dev.gatehouse.sigv4;

import java.time.Duration;
import java.time.Instant;

/** Limits how long a signature can be replayed: the clock-skew window, or a presigned URL's lifetime. */
final class RequestTimeWindow {

    private RequestTimeWindow() {
    }

    static void check(SignatureClaim claim, Instant now, Duration allowedSkew) throws SigV4Exception {
        Instant signedAt = claim.signedAt().instant();
        // Rejecting far-future timestamps stops a client from minting signatures that stay valid later.
        if (signedAt.isAfter(now.plus(allowedSkew))) {
            throw new SigV4Exception(Reason.REQUEST_EXPIRED,
                    claim.signedAt().source() + " is further in the future than the allowed clock skew");
        }
        switch (claim) {
            case AuthorizationHeaderClaim header -> {
                if (signedAt.isBefore(now.minus(allowedSkew))) {
                    throw new SigV4Exception(Reason.REQUEST_EXPIRED,
                            header.signedAt().source() + " is further in the past than the allowed clock skew");
                }
            }
            case PresignedQueryClaim presigned -> {
                if (now.isAfter(signedAt.plus(presigned.expires()))) {
                    throw new SigV4Exception(Reason.REQUEST_EXPIRED, "presigned URL has expired (X-Amz-Date + X-Amz-Expires)");
                }
            }
        }
    }
}
