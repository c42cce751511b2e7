package dev.gatehouse.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The received headers, looked up case-insensitively without copying them: a request carries about ten
 * headers and is asked for about ten, so a scan costs less than building a lower-cased map per request.
 */
final class ReceivedHeaders {

    private final Map<String, List<String>> headers;

    ReceivedHeaders(Map<String, List<String>> headers) {
        this.headers = headers;
    }

    /**
     * Every value of the header, in arrival order; empty if absent. Servers may hand over "Host" and "host"
     * as separate keys; SigV4 treats them as one header, so their values are joined (a rare, copying path).
     */
    List<String> all(String lowerCaseName) {
        List<String> found = null;
        boolean copied = false;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey();
            List<String> values = header.getValue();
            if (name == null || values == null || !name.equalsIgnoreCase(lowerCaseName)) {
                continue;
            }
            if (found == null && hasNoNull(values)) {
                found = values;
            } else {
                if (!copied) {
                    found = found == null ? new ArrayList<>() : new ArrayList<>(found);
                    copied = true;
                }
                for (String value : values) {
                    if (value != null) {
                        found.add(value);
                    }
                }
            }
        }
        return found == null ? List.of() : found;
    }

    /** Immutable lists refuse {@code contains(null)}, hence a loop. */
    private static boolean hasNoNull(List<String> values) {
        for (String value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }

    boolean contains(String lowerCaseName) {
        return !all(lowerCaseName).isEmpty();
    }

    /** The header's only value, trimmed. A repeat is rejected: it would be ambiguous which one counts. */
    Optional<String> single(String lowerCaseName) throws SigV4Exception {
        List<String> values = all(lowerCaseName);
        if (values.size() > 1) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                    "header '" + lowerCaseName + "' appears more than once");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst().strip());
    }
}
