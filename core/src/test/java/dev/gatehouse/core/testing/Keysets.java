package dev.gatehouse.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/** What the JDBC store does with ORDER BY key and "key > :after LIMIT :limit", over a stream of rows. */
final class Keysets {

    private Keysets() {
    }

    /** Rows ordered by {@code key}, those after {@code after} (null: from the start), at most {@code limit}. */
    static <T> List<T> page(Stream<T> rows, Function<T, String> key, String after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return rows.filter(row -> after == null || key.apply(row).compareTo(after) > 0)
                .sorted(Comparator.comparing(key))
                .limit(limit)
                .toList();
    }

    /** Case-insensitive names are unique, found and ordered by their lower case, as in the JDBC store. */
    static String lowerCase(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
