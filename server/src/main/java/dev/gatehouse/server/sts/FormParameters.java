package dev.gatehouse.server.sts;

import dev.gatehouse.core.error.DomainException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The awsQuery parameters of a request: the query string, then the form body, both parsed here from the raw
 * text so that nothing consumes the body before the signature is checked over the same bytes.
 */
final class FormParameters {

    /** GetCallerIdentity sends two; a presigned one adds the X-Amz-* six. */
    static final int MAX_PARAMETERS = 50;
    /** A name or value; a session token is the longest, well under this. */
    static final int MAX_CHARS = 16_384;

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = values;
    }

    /** @param form an {@code application/x-www-form-urlencoded} body or query string; null counts as empty */
    static FormParameters parse(String query, String form) {
        Map<String, String> values = new LinkedHashMap<>();
        addAll(query, values);
        addAll(form, values);
        return new FormParameters(values);
    }

    String get(String name) {
        return values.get(name);
    }

    private static void addAll(String encoded, Map<String, String> values) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.length() > MAX_CHARS || value.length() > MAX_CHARS) {
                throw DomainException.invalid("body", "A parameter name or value is longer than " + MAX_CHARS
                        + " characters");
            }
            if (!values.containsKey(name) && values.size() == MAX_PARAMETERS) {
                throw DomainException.invalid("body", "The request has more than " + MAX_PARAMETERS + " parameters");
            }
            // A repeated parameter keeps its first value, so a later copy cannot change what was dispatched on.
            values.putIfAbsent(name, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("body", "The request is not valid application/x-www-form-urlencoded");
        }
    }
}
