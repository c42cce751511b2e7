package dev.gatehouse.core.oidc;

import dev.gatehouse.core.keys.Secrets;
import java.util.Locale;

/**
 * RFC 8628 §6.1 user codes: 8 characters from 20 consonants (no vowels, so no words; no look-alikes),
 * shown as {@code BCDF-GHJK}. People type them, so parsing forgives case, spaces and dashes.
 */
public final class UserCodes {

    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final int LENGTH = 8;

    private UserCodes() {
    }

    /** A new code, normalized (no dash). */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Secrets.randomInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The normalized form of what a person typed, or null when it cannot be a user code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    public static String display(String normalized) {
        return normalized.substring(0, 4) + "-" + normalized.substring(4);
    }
}
