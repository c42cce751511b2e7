package dev.gatehouse.sigv4;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HashedPayload line: {@code X-Amz-Content-Sha256} when the client sent it, otherwise the SHA-256 of
 * the body. A sent hash is checked against the body, because the signature covers only the hash: an
 * unchecked hash would let a replayed request carry any body.
 */
final class PayloadHash {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

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
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new SigV4Exception(Reason.PAYLOAD_HASH_MISMATCH,
                    "X-Amz-Content-Sha256 is neither a SHA-256 hex digest nor UNSIGNED-PAYLOAD (streaming is not supported)");
        }
        if (!value.equalsIgnoreCase(actual)) {
            throw new SigV4Exception(Reason.PAYLOAD_HASH_MISMATCH, "X-Amz-Content-Sha256 does not match the request body");
        }
        return value;
    }
}
