package dev.gatehouse.server.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Where to send someone after they sign in. {@code next} comes from the query string, so anyone can craft
 * it: only a path on this origin is followed, never another site (an open redirect would lend our name to
 * a phishing page).
 */
public final class NextPaths {

    static final String DEFAULT = "/start";
    private static final int MAX_LENGTH = 2048;
    /** Characters left readable in a query value; everything else, notably {@code & + # %}, is escaped. */
    private static final String KEPT_IN_QUERY_VALUE = "-._~/?:@=";

    private NextPaths() {
    }

    /** {@code candidate} if it is a same-origin path, else {@value #DEFAULT}. */
    static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return DEFAULT;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // Browsers read "\" as "/" ("/\evil.example" is another host) and CR/LF would split the header.
            if (c == '\\' || c <= 0x20 || c == 0x7f) {
                return DEFAULT;
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return DEFAULT;
            }
        } catch (URISyntaxException e) {
            return DEFAULT;
        }
        // Back to the sign-in or sign-out pages would loop or undo the sign-in.
        if (isPage(candidate, "/signin") || isPage(candidate, "/signout") || isPage(candidate, "/signedout")) {
            return DEFAULT;
        }
        return candidate;
    }

    /** The sign-in page that returns to {@code next} afterwards. */
    public static String signInThen(String next) {
        return "/signin?next=" + encodeQueryValue(next);
    }

    private static boolean isPage(String path, String page) {
        return path.equals(page) || path.startsWith(page + "?") || path.startsWith(page + "/")
                || path.startsWith(page + "#");
    }

    /**
     * Percent-encodes a query value but keeps "/", "?" and "=" readable, which RFC 3986 allows there: the
     * Location then reads {@code /signin?next=/device?user_code=BCDF-GHJK}.
     */
    static String encodeQueryValue(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || KEPT_IN_QUERY_VALUE.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
