package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256, the two primitives SigV4 is built from. */
final class Hashing {

    private static final HexFormat HEX = HexFormat.of();
    private static final String HMAC_SHA256 = "HmacSHA256";
    /** Cloned rather than looked up per use: a provider lookup costs more than hashing a short text. */
    private static final MessageDigest SHA256 = newSha256();

    private Hashing() {
    }

    /** A fresh SHA-256 digest (each caller gets its own: a digest is stateful). */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A MAC initialised with {@code key}; it may be cloned to sign many texts without re-keying. */
    static Mac hmacSha256(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    static byte[] hmacSha256(byte[] key, String data) {
        return hmacSha256(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
