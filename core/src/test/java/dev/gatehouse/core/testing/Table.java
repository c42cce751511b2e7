package dev.gatehouse.core.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rows of one in-memory table by their primary key. Rows are immutable records, so a shallow copy of the map
 * is a full snapshot of the table: that is what lets a failed transaction put everything back.
 */
final class Table<K, V> {

    private Map<K, V> rows = new HashMap<>();

    Optional<V> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    void put(K key, V row) {
        rows.put(key, row);
    }

    /** @return whether there was such a row */
    boolean remove(K key) {
        return rows.remove(key) != null;
    }

    /** @return how many rows it removed, like the update count of a DELETE */
    int removeIf(Predicate<V> condition) {
        int before = rows.size();
        rows.values().removeIf(condition);
        return before - rows.size();
    }

    Stream<V> rows() {
        return rows.values().stream();
    }

    int size() {
        return rows.size();
    }

    Map<K, V> snapshot() {
        return new HashMap<>(rows);
    }

    @SuppressWarnings("unchecked")
    void restore(Map<?, ?> snapshot) {
        rows = new HashMap<>((Map<K, V>) snapshot);
    }
}
