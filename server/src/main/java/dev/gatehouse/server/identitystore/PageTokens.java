package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code NextToken} of the list operations: which list it continues and where, base64-encoded so it
 * fits the model's pattern and so clients treat it as opaque. A token from another list is refused.
 */
final class PageTokens {

    private static final char SEPARATOR = '\n';

    private PageTokens() {
    }

    static String next(String list, String position) {
        return Base64.getEncoder().encodeToString((list + SEPARATOR + position).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page starts: null for the first page. */
    static String position(String list, String token) {
        if (token == null) {
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
