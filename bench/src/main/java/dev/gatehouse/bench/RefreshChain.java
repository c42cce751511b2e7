package dev.gatehouse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One chain of refresh-token grants: each answer's refresh token is the next request's. Where the server
 * rotates (Gatehouse; Keycloak with revokeRefreshToken) a refresh token works once, so these requests cannot
 * be replayed by wrk. The same chain drives both servers; only the wire format differs.
 */
final class RefreshChain implements ClosedLoopLoad.Call {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Function<String, HttpRequest> request;
    private final String answerField;
    private String refreshToken;

    private RefreshChain(HttpClient http, Function<String, HttpRequest> request, String answerField,
                         String refreshToken) {
        this.http = http;
        this.request = request;
        this.answerField = answerField;
        this.refreshToken = refreshToken;
    }

    /** Gatehouse's CreateToken: a JSON body, as the AWS SDK's SSO OIDC client sends it. */
    static RefreshChain gatehouse(HttpClient http, URI tokenUri, String clientId, String clientSecret,
                                  String refreshToken) {
        return new RefreshChain(http, token -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("clientId", clientId);
            body.put("clientSecret", clientSecret);
            body.put("grantType", "refresh_token");
            body.put("refreshToken", token);
            try {
                return HttpRequest.newBuilder(tokenUri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }, "refreshToken", refreshToken);
    }

    /** An OAuth 2.0 token endpoint (RFC 6749 §6) and a public client: a form body. */
    static RefreshChain oauth(HttpClient http, URI tokenUri, String clientId, String refreshToken) {
        return new RefreshChain(http, token -> HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&refresh_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), "refresh_token", refreshToken);
    }

    @Override
    public boolean call() throws Exception {
        HttpResponse<byte[]> response = http.send(request.apply(refreshToken), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            System.err.println("refresh chain broke: HTTP " + response.statusCode() + " " + new String(response.body()));
            return false;
        }
        JsonNode answer = JSON.readTree(response.body());
        refreshToken = answer.path(answerField).asText(null);
        return refreshToken != null;
    }
}
