package dev.gatehouse.cli.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), S256 only: a fresh secret verifier for each login, and the challenge
 * the browser carries to the server. Only the CLI, which sends the verifier with the code, can spend the code.
 */
record Pkce(String verifier, String challenge) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** 32 random bytes, base64url: the 43-character verifier RFC 7636 §4.1 recommends. */
    static Pkce generate(SecureRandom random) {
        String verifier = randomToken(random, 32);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))} without padding (RFC 7636 §4.2). */
    static String challengeOf(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code bytes} random bytes, base64url: for the verifier and the {@code state}. */
    static String randomToken(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
