package dev.gatehouse.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server logs while {@code work} runs, read from standard error (where the console log goes) and still
 * passed on to it, so that a test can act on a log line as an operator would.
 */
public final class StandardErrorLines {

    private final String text;

    private StandardErrorLines(String text) {
        this.text = text;
    }

    public static <T> T capture(Supplier<T> work, StandardErrorLines[] into) {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
        try {
            return work.get();
        } finally {
            System.err.flush();
            System.setErr(original);
            into[0] = new StandardErrorLines(copy.toString(StandardCharsets.UTF_8));
        }
    }

    /** The first group of {@code pattern}'s first match, if any line matches. */
    public Optional<String> first(Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** How many times {@code pattern} matches. */
    public long count(Pattern pattern) {
        return pattern.matcher(text).results().count();
    }

    /** Writes to both; the streams are in memory or a PrintStream, neither of which throws. */
    private static final class Tee extends OutputStream {

        private final PrintStream original;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            copy.write(b);
            original.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            original.write(b, off, len);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
