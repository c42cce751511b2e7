package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * Feeds text to a digest or MAC as UTF-8 through a small buffer, so the canonical request and the string to
 * sign are hashed as they are walked instead of being built as strings first (the session token alone is
 * ~430 characters, and SigV4 text is nearly always ASCII).
 */
final class TextFeed {

    /** A digest or MAC's {@code update}. */
    interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    /** Strings up to this length are copied into the buffer; longer ones go to the sink at once. */
    private static final int SHORT = 24;

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final byte[] buffer = new byte[128];
    private final Sink sink;
    private int used;

    TextFeed(Sink sink) {
        this.sink = sink;
    }

    TextFeed append(char c) {
        if (c >= 0x80) {
            return append(String.valueOf(c));
        }
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = (byte) c;
        return this;
    }

    TextFeed append(String text) {
        if (text.length() > SHORT) {
            // The JDK encodes a long string with vectorised copies: faster than a character loop, at one array.
            flush();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sink.update(bytes, 0, bytes.length);
            return this;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Rare: from the first non-ASCII character on, let the JDK encode (surrogate pairs included).
                flush();
                byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
                sink.update(rest, 0, rest.length);
                return this;
            }
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) c;
        }
        return this;
    }

    /** Appends the bytes as lower-case hex digits. */
    TextFeed appendHex(byte[] bytes) {
        for (byte b : bytes) {
            append(HEX_DIGITS[(b >> 4) & 0xf]).append(HEX_DIGITS[b & 0xf]);
        }
        return this;
    }

    /** Hands over what is buffered; call before finishing the digest or MAC. */
    void flush() {
        if (used > 0) {
            sink.update(buffer, 0, used);
            used = 0;
        }
    }
}
