package dev.gatehouse.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * SigV4's percent-encoding: every byte except the RFC 3986 unreserved characters becomes {@code %XX}
 * with upper-case hex. Works on bytes so that invalid UTF-8 survives a decode/encode round trip.
 */
final class UriEncoding {

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** Encodes {@code text} as UTF-8; {@code keepSlash} leaves {@code '/'} alone, as paths need. */
    static String encode(String text, boolean keepSlash) {
        if (needsNoEncoding(text, keepSlash)) {
            return text; // the usual path ("/" for most APIs): no copy, no builder
        }
        return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
    }

    private static boolean needsNoEncoding(String text, boolean keepSlash) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isUnreserved(c) || (keepSlash && c == '/'))) {
                return false;
            }
        }
        return true;
    }

    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Percent-decodes {@code text}. {@code '+'} stays a plus (SigV4 signers send spaces as {@code %20}), and
     * a {@code '%'} not followed by two hex digits is kept literally rather than rejected: the signature
     * check decides whether the client meant it.
     */
    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && hexValue(text, i + 1) >= 0 && hexValue(text, i + 2) >= 0) {
                out.write(hexValue(text, i + 1) << 4 | hexValue(text, i + 2));
                i += 3;
            } else {
                int next = text.indexOf('%', i + 1);
                int end = next < 0 ? text.length() : next;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** ASCII hex only: Character.digit would also accept non-ASCII digits such as fullwidth ones. */
    private static int hexValue(String text, int index) {
        if (index >= text.length()) {
            return -1;
        }
        char c = text.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
