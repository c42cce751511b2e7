package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code key=value} arguments, in order; the value may be empty and may itself contain '='. */
final class KeyValueArguments {

    private KeyValueArguments() {
    }

    static Map<String, String> parse(List<String> pairs, String shape) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw DomainException.invalid(shape, "'" + pair + "' is not " + shape);
            }
            map.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return map;
    }
}
