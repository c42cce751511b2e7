package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The signature: hex HMAC of the string to sign under the signing key. */
final class RequestSignature {

    private RequestSignature() {
    }

    static String compute(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }

    /** Constant-time comparison, so response timing does not reveal how many leading characters matched. */
    static boolean matches(byte[] signingKey, String stringToSign, String claimedSignature) {
        byte[] expected = compute(signingKey, stringToSign).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, claimedSignature.getBytes(StandardCharsets.US_ASCII));
    }
}
