package dev.gatehouse.core.storage;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code nextToken} is null on the last page. */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made from a list fetched with one row more than {@code limit}: that extra row only says a next page
     * exists, which then starts after the key of the last row shown.
     */
    public static <T> Page<T> fromOneMore(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, key.apply(shown.getLast()));
    }
}
