package dev.gatehouse.sigv4;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The CanonicalHeaders block: one {@code name:value\n} line per signed header, in SignedHeaders order.
 * Only signed headers take part, so proxies may add others without breaking the signature.
 */
final class CanonicalHeaders {

    private CanonicalHeaders() {
    }

    static String of(ReceivedHeaders headers, SignedHeaders signedHeaders) throws SigV4Exception {
        StringBuilder block = new StringBuilder();
        for (String name : signedHeaders.names()) {
            List<String> values = headers.all(name);
            if (values.isEmpty()) {
                throw new SigV4Exception(Reason.SIGNATURE_MISMATCH, "signed header '" + name + "' missing from request");
            }
            block.append(name).append(':').append(canonicalValue(values)).append('\n');
        }
        return block.toString();
    }

    /** Repeated headers join with a bare comma, each value trimmed and inner whitespace runs collapsed. */
    static String canonicalValue(List<String> values) {
        if (values.size() == 1) {
            return trimAll(values.getFirst());
        }
        return values.stream().map(CanonicalHeaders::trimAll).collect(Collectors.joining(","));
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

    /** No leading or trailing whitespace, and no whitespace other than single spaces between words. */
    private static boolean isCanonical(String value) {
        char previous = ' ';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return previous != ' ' || value.isEmpty();
    }
}
