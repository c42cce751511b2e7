package dev.gatehouse.sigv4;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The CanonicalURI line: the raw path, optionally normalized, URI-encoded once more. Because the raw path
 * is already percent-encoded on the wire, this is the "double encoding" non-S3 services expect: a
 * {@code %20} received becomes {@code %2520}, a literal space becomes {@code %20}.
 */
final class CanonicalUri {

    private CanonicalUri() {
    }

    static String of(String rawPath, CanonicalizationOptions options) {
        String path = options.normalizePath() ? normalize(rawPath) : rawPath;
        if (path.isEmpty()) {
            return "/";
        }
        return UriEncoding.encode(path.startsWith("/") ? path : "/" + path, true);
    }

    /**
     * Removes {@code .} and {@code ..} segments (RFC 3986 section 5.2.4) and empty segments, keeping a
     * trailing slash; {@code ..} never climbs above the root.
     */
    static String normalize(String path) {
        if (isNormal(path)) {
            return path; // the usual case, such as "/": nothing to split and join again
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (String part : parts) {
            switch (part) {
                case "", "." -> { }
                case ".." -> segments.pollLast();
                default -> segments.addLast(part);
            }
        }
        if (segments.isEmpty()) {
            return "/";
        }
        String last = parts[parts.length - 1];
        boolean trailingSlash = last.isEmpty() || last.equals(".") || last.equals("..");
        return "/" + String.join("/", segments) + (trailingSlash ? "/" : "");
    }

    /** Absolute, with no empty, {@code .} or {@code ..} segment: what {@link #normalize} would return as is. */
    private static boolean isNormal(String path) {
        return path.startsWith("/") && !path.contains("//") && !path.contains("/./") && !path.contains("/../")
                && !path.endsWith("/.") && !path.endsWith("/..");
    }
}
