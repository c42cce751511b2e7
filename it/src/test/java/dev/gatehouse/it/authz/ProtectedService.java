package dev.gatehouse.it.authz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.authz.client.AuthorizationDecision;
import dev.gatehouse.authz.client.RequestFacts;
import dev.gatehouse.authz.client.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small service that accepts Gatehouse credentials, the way a real one would: a plain JDK HTTP server that
 * derives the action and resource from the request ({@code ?Action=…&Resource=…}) and asks Gatehouse through a
 * {@link Gate} whether the signer may. Answers 200 or 403 with the decision as JSON.
 */
final class ProtectedService implements AutoCloseable {

    static final String SIGNING_NAME = "reports";

    /** One way of asking Gatehouse: the HTTP API directly, or the client library. */
    interface Gate {
        AuthorizationDecision authorize(SignedRequest request, String action, String resource, RequestFacts facts);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private ProtectedService(HttpServer server) {
        this.server = server;
    }

    static ProtectedService start(Gate gate) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, gate));
        server.start();
        return new ProtectedService(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, Gate gate) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            AuthorizationDecision decision = gate.authorize(SignedRequest.of(exchange, body),
                    query.getOrDefault("Action", ""), query.getOrDefault("Resource", "*"),
                    new RequestFacts(exchange.getRemoteAddress().getAddress().getHostAddress(), false, Map.of()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("outcome", decision.outcome());
            answer.put("reason", decision.reason());
            decision.decidingStatement().ifPresent(s -> answer.put("statement", s));
            decision.authenticationFailure().ifPresent(f -> answer.put("failure", f));
            decision.principal().ifPresent(p -> {
                answer.put("user", p.userName());
                answer.put("arn", p.arn());
                answer.put("tags", p.tags());
            });
            byte[] json = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(decision.allowed() ? 200 : 403, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
