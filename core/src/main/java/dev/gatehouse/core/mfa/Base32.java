package dev.gatehouse.core.mfa;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 §6 base 32, the form in which people and authenticator apps exchange TOTP secrets: only
 * capital letters and the digits 2–7, so it survives being read aloud or typed from a screen.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** With {@code =} padding to a multiple of 8 characters, as RFC 4648 writes it. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder(encodeUnpadded(data));
        while (out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** Without padding, as the otpauth URI wants the secret. */
    public static String encodeUnpadded(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return out.toString();
    }

    /**
     * Decodes text as people type it: any case, spaces and padding ignored.
     *
     * @throws IllegalArgumentException when a character is outside the alphabet
     */
    public static byte[] decode(String text) {
        String clean = text.replace(" ", "").replaceAll("=+$", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = ALPHABET.indexOf(clean.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + clean.charAt(i) + "' is not a base 32 character");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
