package dev.gatehouse.sigv4;

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

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final byte[] buffer = new byte[128];
    private final char[] chars = new char[buffer.length];
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

    /**
     * Copies a long text through the buffers chunk by chunk, so no array the size of the text is made (the
     * session token is ~430 characters): {@code getChars} is an array copy, and the narrowing loop has no
     * branch the JIT could not vectorise.
     */
    private TextFeed appendLong(String text) {
        int from = 0;
        while (from < text.length()) {
            if (used == buffer.length) {
                flush();
            }
            int length = Math.min(buffer.length - used, text.length() - from);
            text.getChars(from, from + length, chars, 0);
            int seen = 0;
            for (int i = 0; i < length; i++) {
                char c = chars[i];
                seen |= c;
                buffer[used + i] = (byte) c;
            }
            if (seen >= 0x80) {
                // Rare: from this chunk on let the JDK encode (surrogate pairs included); the chunk's
                // bytes above are not counted as used, so they are overwritten, never sent.
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
