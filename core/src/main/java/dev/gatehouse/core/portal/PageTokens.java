package dev.gatehouse.core.portal;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

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

    /**
     * The first {@code size} of {@code fetched} (which holds at most one more), with a next token when there was
     * more: fetching one extra row tells whether another page exists without counting.
     */
    static <T> Page<T> page(List<T> fetched, int size, Function<T, String> key) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        return new Page<>(items, encode(key.apply(items.getLast())));
    }
}
