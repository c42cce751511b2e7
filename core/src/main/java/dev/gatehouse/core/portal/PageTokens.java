package dev.gatehouse.core.portal;

import dev.gatehouse.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque next_token values: the keyset position, encoded so clients do not read meaning into it. */
final class PageTokens {

    static final int DEFAULT_PAGE = 100;

    private PageTokens() {
    }

    static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("next_token", "Invalid next token");
        }
    }

    static int pageSize(Integer maxResults) {
        if (maxResults == null) {
            return DEFAULT_PAGE;
        }
        if (maxResults < 1) {
            throw DomainException.invalid("max_result", "max_result must be at least 1");
        }
        return Math.min(maxResults, DEFAULT_PAGE);
    }
}
