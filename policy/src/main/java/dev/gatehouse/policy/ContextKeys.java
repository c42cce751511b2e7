package dev.gatehouse.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The condition keys of a request and their values. Key names compare case-insensitively, as in IAM; a key may
 * have several values (for {@code ForAnyValue:} / {@code ForAllValues:}), and a key that is absent is not the
 * same as one with no values.
 */
public final class ContextKeys {

    private final Map<String, List<String>> values;

    private ContextKeys(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ContextKeys of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((key, keyValues) -> copy.put(key, List.copyOf(keyValues)));
        return new ContextKeys(copy);
    }

    public static ContextKeys none() {
        return of(Map.of());
    }

    /** The key's values, or empty when the request does not have the key at all. */
    public Optional<List<String>> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The key's values, or {@code null} when absent: the evaluator's allocation-free form of {@link #get}. */
    List<String> valuesOrNull(String key) {
        return values.get(key);
    }

    public Map<String, List<String>> asMap() {
        return Map.copyOf(values);
    }
}
