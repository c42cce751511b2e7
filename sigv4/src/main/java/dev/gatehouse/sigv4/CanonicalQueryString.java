package dev.gatehouse.sigv4;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CanonicalQueryString line: every parameter re-encoded, sorted by encoded name then encoded value,
 * joined with {@code &}. Sorting makes the result independent of the order parameters arrived in.
 */
final class CanonicalQueryString {

    private static final Comparator<QueryParameters.Parameter> ORDER =
            Comparator.comparing(QueryParameters.Parameter::canonicalName)
                    .thenComparing(QueryParameters.Parameter::canonicalValue);

    private CanonicalQueryString() {
    }

    /** @param excludedNames decoded names left out, such as X-Amz-Signature in a presigned URL */
    static String of(QueryParameters query, Set<String> excludedNames) {
        if (query.all().isEmpty()) {
            return ""; // the usual case for POSTed APIs, without a stream
        }
        // Encoded strings are pure ASCII, so String order is the byte order the specification asks for.
        return query.all().stream()
                .filter(p -> !excludedNames.contains(p.name()))
                .sorted(ORDER)
                .map(p -> p.canonicalName() + "=" + p.canonicalValue())
                .collect(Collectors.joining("&"));
    }
}
