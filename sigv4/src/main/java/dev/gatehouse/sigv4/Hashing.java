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
    private static final SlotPool<Sha256Feed> SHA256_FEEDS = new SlotPool<>(8, Sha256Feed::new);

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
        Sha256Feed lent = takeSha256();
        lent.digest().update(data);
        return HEX.formatHex(lent.finish());
    }

    /** A SHA-256 digest with a feed in front of it, reset; {@link Sha256Feed#finish} gives it back. */
    static Sha256Feed takeSha256() {
        return SHA256_FEEDS.take();
    }

    /** A pooled digest and its feed: per request, a digest clone costs 224 bytes and the feed's buffer 144. */
    static final class Sha256Feed {
        private final MessageDigest digest = sha256();
        private final TextFeed feed = new TextFeed(digest::update);

        MessageDigest digest() {
            return digest;
        }

        TextFeed feed() {
            return feed;
        }

        /** The hash of what was fed; the digest goes back to the pool, reset by {@code digest()}. */
        byte[] finish() {
            feed.flush();
            byte[] hash = digest.digest();
            SHA256_FEEDS.give(this);
            return hash;
        }
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
