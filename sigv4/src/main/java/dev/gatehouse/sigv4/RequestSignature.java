package dev.gatehouse.sigv4;

import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;

/** The signature: hex HMAC of the string to sign under the signing key. */
final class RequestSignature {

    private static final int HMAC_SHA256_LENGTH = 32;

    private RequestSignature() {
    }

    static String compute(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }

    /**
     * Whether the claimed signature is the HMAC of the string to sign, under a MAC already keyed with the
     * signing key. Compared as bytes in constant time, so response timing does not reveal how many leading
     * characters matched; a claim that is not 64 lower-case hex digits cannot match.
     */
    static boolean matches(Mac keyedMac, AmzDate signedAt, CredentialScope scope, CanonicalRequest canonicalRequest,
                           String claimedSignature) {
        StringToSign.appendTo(new TextFeed(keyedMac::update), signedAt, scope, canonicalRequest);
        byte[] expected = keyedMac.doFinal();
        byte[] claimed = lowerCaseHex(claimedSignature);
        return claimed != null && MessageDigest.isEqual(expected, claimed);
    }

    private static byte[] lowerCaseHex(String text) {
        if (text.length() != 2 * HMAC_SHA256_LENGTH) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        return HexFormat.of().parseHex(text);
    }
}
