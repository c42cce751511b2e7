package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One chain of CreateToken(refresh_token) calls: each answer's rotated refresh token is the next request's.
 * A refresh token works once, so these requests cannot be replayed by wrk.
 */
final class RefreshChain implements ClosedLoopLoad.Call {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private String refreshToken;

    RefreshChain(HttpClient http, URI tokenUri, String clientId, String clientSecret, String refreshToken) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
    }

    @Override
    public boolean call() throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("clientSecret", clientSecret);
        body.put("grantType", "refresh_token");
        body.put("refreshToken", refreshToken);
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            System.err.println("refresh chain broke: HTTP " + response.statusCode() + " " + new String(response.body()));
            return false;
        }
        JsonNode answer = JSON.readTree(response.body());
        refreshToken = answer.path("refreshToken").asText(null);
        return refreshToken != null;
    }
}
