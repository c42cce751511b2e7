package dev.gatehouse.cli.cache;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python's {@code json.dumps(value, sort_keys=True)} for the few shapes the AWS CLI hashes into cache file
 * names: objects of strings, string lists and nulls. The hash is of the exact text, so the separators and
 * {@code ensure_ascii} escaping must match byte for byte.
 */
final class PythonJson {

    private PythonJson() {
    }

    /** With Python's default separators {@code ", "} and {@code ": "}. */
    static String dumps(Map<String, ?> object) {
        return dumps(object, ", ", ": ");
    }

    /** With {@code separators=(',', ':')}, as the SSO credential cache key uses. */
    static String dumpsCompact(Map<String, ?> object) {
        return dumps(object, ",", ":");
    }

    private static String dumps(Map<String, ?> object, String itemSeparator, String keySeparator) {
        StringBuilder json = new StringBuilder("{");
        // sort_keys sorts by code point; TreeMap's String order is by UTF-16 unit, which agrees for the
        // ASCII keys hashed here.
        new TreeMap<>(object).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(itemSeparator);
            }
            json.append(string(key)).append(keySeparator).append(value(value, itemSeparator));
        });
        return json.append('}').toString();
    }

    private static String value(Object value, String itemSeparator) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : itemSeparator).append(value(list.get(i), itemSeparator));
            }
            return json.append(']').toString();
        }
        return string(value.toString());
    }

    /** ensure_ascii: quote and backslash escaped, control and non-ASCII characters as four-hex-digit escapes. */
    private static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
