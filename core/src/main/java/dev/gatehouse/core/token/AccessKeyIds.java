package dev.gatehouse.core.token;

/** Temporary access key ids as AWS shapes them: {@code ASIA} and 16 base32 characters. */
public final class AccessKeyIds {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private AccessKeyIds() {
    }

    public static String newTemporaryKeyId() {
        return "ASIA" + randomFrom(BASE32, 16);
    }

    public static String newSecretAccessKey() {
        return randomFrom(SECRET_ALPHABET, 40);
    }

    private static String randomFrom(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(Secrets.randomInt(alphabet.length())));
        }
        return out.toString();
    }
}
