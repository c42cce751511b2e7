package dev.gatehouse.server.awsjson;

import dev.gatehouse.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code NextToken} of awsJson list operations: which list it continues and where, base64-encoded so it
 * fits the models' token patterns and so clients treat it as opaque. A token from another list is refused.
 */
public final class PageTokens {

    private static final char SEPARATOR = '\n';

    private PageTokens() {
    }

    public static String next(String list, String position) {
        return Base64.getEncoder().encodeToString((list + SEPARATOR + position).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page starts: null for the first page (no token, or an empty one). */
    public static String position(String list, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int separator = decoded.indexOf(SEPARATOR);
        if (separator < 0 || !decoded.substring(0, separator).equals(list)) {
            throw invalid();
        }
        return decoded.substring(separator + 1);
    }

    private static DomainException invalid() {
        return DomainException.invalid("NextToken", "The NextToken is not one this list returned.");
    }
}
