package dev.gatehouse.sigv4;

/** The signature as a signer computes it: hex HMAC of the string to sign under the signing key. */
final class RequestSignature {

    private RequestSignature() {
    }

    static String compute(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }
}
