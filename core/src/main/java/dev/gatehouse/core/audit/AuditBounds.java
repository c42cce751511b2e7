package dev.gatehouse.core.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every audit row small whatever a request carried (docs/security.md, finding 3): each string at most
 * {@value #MAX_CHARS} characters, each list or map at most {@value #MAX_ITEMS} entries, nesting at most
 * {@value #MAX_DEPTH} deep, and all the text of one map together at most {@value #MAX_TOTAL_CHARS} characters.
 * Each cut is marked, saying how much was left out.
 */
final class AuditBounds {

    static final int MAX_CHARS = 1024;
    static final int MAX_ITEMS = 20;
    static final int MAX_DEPTH = 4;
    static final int MAX_TOTAL_CHARS = 8192;

    /** The characters a map's strings may still take. */
    private static final class Budget {
        private int left = MAX_TOTAL_CHARS;

        String take(String text) {
            int keep = Math.min(Math.min(text.length(), MAX_CHARS), left);
            left -= keep;
            return keep == text.length() ? text
                    : text.substring(0, keep) + "…[truncated " + (text.length() - keep) + " characters]";
        }
    }

    private AuditBounds() {
    }

    static Map<String, Object> map(Map<String, ?> values) {
        return values == null ? null : boundedMap(values, 0, new Budget());
    }

    /** {@code text} itself when short enough, else its first {@value #MAX_CHARS} characters and a marker. */
    static String text(String text) {
        return text == null ? null : new Budget().take(text);
    }

    private static Map<String, Object> boundedMap(Map<?, ?> values, int depth, Budget budget) {
        Map<String, Object> bounded = new LinkedHashMap<>();
        int left = values.size();
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            if (bounded.size() == MAX_ITEMS) {
                bounded.put("…", "[truncated " + left + " more entries]");
                break;
            }
            bounded.put(budget.take(String.valueOf(entry.getKey())), value(entry.getValue(), depth + 1, budget));
            left--;
        }
        return bounded;
    }

    private static Object value(Object value, int depth, Budget budget) {
        if (value instanceof CharSequence text) {
            return budget.take(text.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return depth >= MAX_DEPTH ? budget.take(String.valueOf(map)) : boundedMap(map, depth, budget);
        }
        if (value instanceof Collection<?> items) {
            return depth >= MAX_DEPTH ? budget.take(String.valueOf(items)) : boundedList(items, depth, budget);
        }
        return value;
    }

    private static List<Object> boundedList(Collection<?> items, int depth, Budget budget) {
        List<Object> bounded = new ArrayList<>(Math.min(items.size(), MAX_ITEMS + 1));
        for (Object item : items) {
            if (bounded.size() == MAX_ITEMS) {
                bounded.add("…[truncated " + (items.size() - MAX_ITEMS) + " more items]");
                break;
            }
            bounded.add(value(item, depth + 1, budget));
        }
        return bounded;
    }
}
