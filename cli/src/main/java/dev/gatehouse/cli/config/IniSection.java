package dev.gatehouse.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One section's values as read; a nested block's value keeps its lines, {@link #nested} splits them. */
public record IniSection(SectionHeader header, Map<String, String> values) {

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    /** The settings of a nested block such as {@code sso_oidc =} / {@code   endpoint_url = …}. */
    public Map<String, String> nested(String key) {
        Map<String, String> nested = new LinkedHashMap<>();
        String block = values.get(key);
        if (block == null) {
            return nested;
        }
        for (String line : block.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                nested.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return nested;
    }
}
