package dev.gatehouse.sigv4;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the server received, as it arrived on the wire.
 *
 * @param method   the HTTP method, e.g. {@code GET}
 * @param rawPath  the request path exactly as received, still percent-encoded
 * @param rawQuery the query string without the leading {@code '?'}, still percent-encoded; {@code null} if absent
 * @param headers  header names are matched case-insensitively; a header may repeat, in arrival order
 * @param body     the body bytes; {@code null} means empty
 */
public record ReceivedRequest(String method, String rawPath, String rawQuery,
        Map<String, List<String>> headers, byte[] body) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }
}
