package dev.gatehouse.sigv4;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Feeds text to a digest or MAC as UTF-8 through a small buffer, so the canonical request and the string to
 * sign are hashed as they are walked instead of being built as strings first (the session token alone is
 * ~430 characters, and SigV4 text is nearly always ASCII). Feeds are reused, so their buffers are not a
 * per-request cost.
 */
final class TextFeed {

    /** A digest or MAC's {@code update}. */
    interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    /** Strings up to this length are copied a character at a time; longer ones in chunks. */
    private static final int SHORT = 24;

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buffer = new byte[128];
    private final char[] chars = new char[buffer.length];
    private final CharBuffer charView = CharBuffer.wrap(chars);
    private final ByteBuffer byteView = ByteBuffer.wrap(buffer);
    private final CharsetEncoder ascii = StandardCharsets.US_ASCII.newEncoder();
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
            return appendLong(text);
        }
        if (buffer.length - used < text.length()) {
            flush();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Rare: from the first non-ASCII character on, let the JDK encode (surrogate pairs included).
                used += i;
                flush();
                byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
                sink.update(rest, 0, rest.length);
                return this;
            }
            buffer[used + i] = (byte) c;
        }
        used += text.length();
        return this;
    }

    /**
     * Copies a long text through the buffers chunk by chunk, so no array the size of the text is made (the
     * session token is ~430 characters). Both steps are vectorised by the JDK: {@code getChars} and the
     * US-ASCII encoder, which stops at the first character it cannot map.
     */
    private TextFeed appendLong(String text) {
        int from = 0;
        while (from < text.length()) {
            if (used == buffer.length) {
                flush();
            }
            int length = Math.min(buffer.length - used, text.length() - from);
            text.getChars(from, from + length, chars, 0);
            charView.limit(length).position(0);
            byteView.position(used);
            ascii.reset();
            if (ascii.encode(charView, byteView, true).isError()) {
                // Rare: from this chunk on let the JDK encode UTF-8 (surrogate pairs included); what the
                // encoder wrote of the chunk is not counted as used, so it is overwritten, never sent.
                flush();
                byte[] rest = text.substring(from).getBytes(StandardCharsets.UTF_8);
                sink.update(rest, 0, rest.length);
                return this;
            }
            used += length;
            from += length;
        }
        return this;
    }

    /** Appends the bytes as lower-case hex digits. */
    TextFeed appendHex(byte[] bytes) {
        for (byte b : bytes) {
            if (buffer.length - used < 2) {
                flush();
            }
            buffer[used++] = HEX_DIGITS[(b >> 4) & 0xf];
            buffer[used++] = HEX_DIGITS[b & 0xf];
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
