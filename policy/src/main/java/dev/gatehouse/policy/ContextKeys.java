package dev.gatehouse.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    /** The same values by lower-cased name: policies lower-case their keys once, so a lookup is one hash probe. */
    private final Map<String, List<String>> byLowerCaseName;

    private ContextKeys(Map<String, List<String>> values, Map<String, List<String>> byLowerCaseName) {
        this.values = values;
        this.byLowerCaseName = byLowerCaseName;
    }

    public static ContextKeys of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((key, keyValues) -> copy.put(key, List.copyOf(keyValues)));
        Map<String, List<String>> byLowerCaseName = new HashMap<>();
        copy.forEach((key, keyValues) -> byLowerCaseName.put(lowerCase(key), keyValues));
        return new ContextKeys(copy, byLowerCaseName);
    }

    public static ContextKeys none() {
        return of(Map.of());
    }

    /** The key's values, or empty when the request does not have the key at all. */
    public Optional<List<String>> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The values of a key already in {@link #lowerCase} form, or {@code null} when absent: the evaluator's lookup. */
    List<String> valuesOrNull(String lowerCaseKey) {
        return byLowerCaseName.get(lowerCaseKey);
    }

    static String lowerCase(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
