package dev.gatehouse.core.scim;

import dev.gatehouse.core.error.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One page of a SCIM list (RFC 7644 §3.4.2.4): 1-based {@code startIndex}, {@code totalResults} over all matches. */
public record ScimPage<T>(List<T> resources, int totalResults, int startIndex) {

    /** The most resources one list answer holds; a larger {@code count} is lowered to it, as the RFC allows. */
    public static final int MAX_COUNT = 100;

    private static final int BATCH = 500;

    public ScimPage {
        resources = List.copyOf(resources);
    }

    /** The page of {@code matches} asked for; startIndex below 1 is read as 1, count null as {@link #MAX_COUNT}. */
    static <T> ScimPage<T> of(List<T> matches, Integer startIndex, Integer count) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        int from = Math.min(matches.size(), start - 1);
        int to = Math.min(matches.size(), from + size);
        return new ScimPage<>(matches.subList(from, to), matches.size(), start);
    }

    /**
     * Every row a keyset-paged repository list holds, fetched {@value #BATCH} at a time.
     *
     * @param batch the repository's list: rows after the given key (null: from the start), at most the given many
     * @param key   a row's key, the one the list is ordered by
     */
    static <T> List<T> everyRow(BiFunction<String, Integer, List<T>> batch, Function<T, String> key) {
        List<T> all = new ArrayList<>();
        List<T> rows;
        String after = null;
        do {
            rows = batch.apply(after, BATCH);
            all.addAll(rows);
            after = rows.isEmpty() ? null : key.apply(rows.getLast());
        } while (rows.size() == BATCH);
        return all;
    }

    static void checkExternalId(String externalId) {
        if (externalId != null && externalId.length() > 256) {
            throw DomainException.invalid("externalId", "externalId must be at most 256 characters");
        }
    }
}
