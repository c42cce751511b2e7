package dev.gatehouse.authz.client;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SigV4-signed request exactly as your service received it: what Gatehouse needs to check the signature.
 *
 * @param rawPath  the path still percent-encoded, as on the wire
 * @param rawQuery the query string without '?', still percent-encoded; null when there is none
 * @param headers  every header with every value, as received (the signed ones must be among them, Host included)
 * @param body     the body bytes as received; empty when there is none
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /** From the JDK's HTTP server; read the body first and pass it in. */
    public static SignedRequest of(HttpExchange exchange, byte[] body) {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new SignedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
