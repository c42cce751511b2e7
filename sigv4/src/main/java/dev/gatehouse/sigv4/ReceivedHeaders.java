package dev.gatehouse.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The received headers keyed by lower-case name, repeated values kept in arrival order. */
final class ReceivedHeaders {

    private final Map<String, List<String>> byLowerCaseName = new HashMap<>();

    ReceivedHeaders(Map<String, List<String>> headers) {
        // Servers may hand over "Host" and "host" as separate keys; SigV4 treats them as one header.
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                List<String> kept = byLowerCaseName.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        n -> new ArrayList<>(1));
                for (String value : values) {
                    if (value != null) {
                        kept.add(value);
                    }
                }
            }
        });
    }

    /** Every value of the header, in arrival order; empty if absent. */
    List<String> all(String name) {
        return byLowerCaseName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    boolean contains(String name) {
        return !all(name).isEmpty();
    }

    /** The header's only value, trimmed. A repeat is rejected: it would be ambiguous which one counts. */
    Optional<String> single(String name) throws SigV4Exception {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "header '" + name + "' appears more than once");
        }
        return values.stream().findFirst().map(String::strip);
    }
}
