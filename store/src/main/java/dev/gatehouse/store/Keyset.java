package dev.gatehouse.store;

import org.jdbi.v3.core.statement.Query;

/**
 * One page of a list ordered by a unique key: rows after {@code after} (null: from the start), at most
 * {@code limit}. The key condition is left out, not written as "(:after IS NULL OR …)", so that PostgreSQL's
 * generic plans still walk the index from the key.
 */
record Keyset(String column, String after, int limit) {

    boolean isEmpty() {
        return limit <= 0;
    }

    String condition() {
        return after == null ? "TRUE" : column + " > :after";
    }

    String orderAndLimit() {
        return " ORDER BY " + column + " LIMIT :limit";
    }

    Query bind(Query query) {
        if (after != null) {
            query.bind("after", after);
        }
        return query.bind("limit", limit);
    }
}
