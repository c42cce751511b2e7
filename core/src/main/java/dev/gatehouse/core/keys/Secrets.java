package dev.gatehouse.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer values and their stored hashes. Values carry 256 bits, so a plain SHA-256 is a safe
 * hash for storage (no salt or stretching needed, unlike passwords).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** A random value with the given prefix, e.g. {@code ghat_…} for an access token. */
    public static String newToken(String prefix) {
        return prefix + URL.encodeToString(randomBytes(32));
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static String randomHex(int characters) {
        return HexFormat.of().formatHex(randomBytes((characters + 1) / 2)).substring(0, characters);
    }

    public static int randomInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, so a wrong guess takes as long however many characters match. */
    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
