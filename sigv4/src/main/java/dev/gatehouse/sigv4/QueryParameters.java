package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The query string split into parameters, each held both decoded and in SigV4's canonical encoding. */
final class QueryParameters {

    /**
     * @param name           decoded name, for looking parameters up
     * @param value          decoded value
     * @param canonicalName  name decoded then re-encoded with the SigV4 unreserved set
     * @param canonicalValue value decoded then re-encoded likewise
     */
    record Parameter(String name, String value, String canonicalName, String canonicalValue) {

        static Parameter parse(String pair) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            // Re-encoding the decoded bytes makes "%7e", "~" and "%7E" canonicalize alike, as the client's did.
            byte[] name = UriEncoding.decode(rawName);
            byte[] value = UriEncoding.decode(rawValue);
            return new Parameter(new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8),
                    UriEncoding.encode(name, false), UriEncoding.encode(value, false));
        }
    }

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    /** Parses a raw query (without {@code '?'}); {@code null} means no query. Empty pairs are dropped. */
    static QueryParameters parse(String rawQuery) {
        List<Parameter> parsed = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    parsed.add(Parameter.parse(pair));
                }
            }
        }
        return new QueryParameters(List.copyOf(parsed));
    }

    List<Parameter> all() {
        return parameters;
    }

    boolean contains(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The decoded value of a parameter that must not repeat (the X-Amz-* signing parameters). */
    Optional<String> single(String name) throws SigV4Exception {
        List<String> values = parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).toList();
        if (values.size() > 1) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "query parameter '" + name + "' appears more than once");
        }
        return values.stream().findFirst();
    }
}
