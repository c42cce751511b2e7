package dev.gatehouse.core.oidc;

import dev.gatehouse.core.keys.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7636 with the S256 method only: {@code plain} would let whoever sees the authorize URL redeem the code. */
final class Pkce {

    static final String S256 = "S256";

    /** BASE64URL(SHA-256(…)) without padding is always 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    static boolean wellFormedChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))), unpadded. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code verifier} is the one {@code challenge} was made from; constant-time in the comparison. */
    static boolean verifies(String verifier, String challenge) {
        return verifier != null && VERIFIER.matcher(verifier).matches() && Secrets.equal(s256(verifier), challenge);
    }
}
