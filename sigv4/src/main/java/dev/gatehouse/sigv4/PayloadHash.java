package dev.gatehouse.sigv4;

import java.util.Optional;

/**
 * The HashedPayload line: {@code X-Amz-Content-Sha256} when the client sent it, otherwise the SHA-256 of
 * the body. A sent hash is checked against the body, because the signature covers only the hash: an
 * unchecked hash would let a replayed request carry any body.
 */
final class PayloadHash {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private PayloadHash() {
    }

    static String of(ReceivedHeaders headers, byte[] body) throws SigV4Exception {
        Optional<String> claimed = headers.single("x-amz-content-sha256");
        String actual = Hashing.sha256Hex(body);
        if (claimed.isEmpty()) {
            return actual;
        }
        String value = claimed.get();
        // UNSIGNED-PAYLOAD is the client's explicit choice to leave the body out of the signature.
        if (UNSIGNED_PAYLOAD.equals(value)) {
            return value;
        }
        if (!isSha256Hex(value)) {
            throw new SigV4Exception(Reason.PAYLOAD_HASH_MISMATCH,
                    "X-Amz-Content-Sha256 is neither a SHA-256 hex digest nor UNSIGNED-PAYLOAD (streaming is not supported)");
        }
        if (!value.equalsIgnoreCase(actual)) {
            throw new SigV4Exception(Reason.PAYLOAD_HASH_MISMATCH, "X-Amz-Content-Sha256 does not match the request body");
        }
        return value;
    }

    private static boolean isSha256Hex(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
