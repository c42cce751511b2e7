package dev.gatehouse.core.credentials;

import dev.gatehouse.core.keys.Secrets;

/** Access key ids as AWS shapes them: {@code ASIA} (temporary) or {@code AKIA} and 16 base32 characters. */
public final class AccessKeyIds {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private AccessKeyIds() {
    }

    public static String newTemporaryKeyId() {
        return "ASIA" + randomFrom(BASE32, 16);
    }

    /** Long-lived keys (service credentials) start with {@code AKIA}, as IAM users' access keys do. */
    public static String newServiceKeyId() {
        return "AKIA" + randomFrom(BASE32, 16);
    }

    public static String newSecretAccessKey() {
        return randomFrom(SECRET_ALPHABET, 40);
    }

    /**
     * One draw from the shared SecureRandom per value (it is synchronized, and one call per character cost
     * most of a mint). Both alphabets have a power-of-two size, so masking each byte is unbiased.
     */
    private static String randomFrom(String alphabet, int length) {
        int mask = alphabet.length() - 1;
        byte[] random = Secrets.randomBytes(length);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random[i] & mask);
        }
        return new String(out);
    }
}
