package dev.gatehouse.sigv4;

import java.util.List;

/**
 * The CanonicalHeaders block: one {@code name:value\n} line per signed header, in SignedHeaders order.
 * Only signed headers take part, so proxies may add others without breaking the signature. Kept as names
 * and values, which are nearly always the received strings themselves, and fed to the hash line by line.
 */
final class CanonicalHeaders {

    private final List<String> names;
    private final String[] values;

    private CanonicalHeaders(List<String> names, String[] values) {
        this.names = names;
        this.values = values;
    }

    static CanonicalHeaders of(ReceivedHeaders headers, SignedHeaders signedHeaders) throws SigV4Exception {
        List<String> names = signedHeaders.names();
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) {
            List<String> received = headers.all(names.get(i));
            if (received.isEmpty()) {
                throw new SigV4Exception(Reason.SIGNATURE_MISMATCH,
                        "signed header '" + names.get(i) + "' missing from request");
            }
            values[i] = canonicalValue(received);
        }
        return new CanonicalHeaders(names, values);
    }

    void appendTo(TextFeed feed) {
        for (int i = 0; i < values.length; i++) {
            feed.append(names.get(i)).append(':').append(values[i]).append('\n');
        }
    }

    /** The block as text, ending in a newline. */
    @Override
    public String toString() {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            block.append(names.get(i)).append(':').append(values[i]).append('\n');
        }
        return block.toString();
    }

    /** Repeated headers join with a bare comma, each value trimmed and inner whitespace runs collapsed. */
    static String canonicalValue(List<String> values) {
        if (values.size() == 1) {
            return trimAll(values.getFirst());
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            joined.append(i == 0 ? "" : ",").append(trimAll(values.get(i)));
        }
        return joined.toString();
    }

    /**
     * Trims and turns every run of whitespace into one space. Tabs and line breaks count as whitespace
     * too, so an obsolete folded (multi-line) header value canonicalizes like its unfolded form.
     */
    static String trimAll(String value) {
        if (isCanonical(value)) {
            return value; // the common case: nothing to trim, so no copy of e.g. a long session token
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * No leading or trailing whitespace, and no whitespace other than single spaces between words. Built
     * from {@code indexOf}, which the JDK vectorises: this runs over every signed value, the token included.
     */
    private static boolean isCanonical(String value) {
        if (value.isEmpty()) {
            return true;
        }
        return value.charAt(0) != ' ' && value.charAt(value.length() - 1) != ' '
                && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && !value.contains("  ");
    }
}
