package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Keycloak side of the load fixture, set up over the admin REST API as the bootstrap administrator: a
 * realm, a public client with the OAuth 2.0 device grant and direct access grants, and one user. Refresh
 * tokens come from password grants (one user session each, like Gatehouse's one device-flow session per
 * chain); pending device codes from device authorizations nobody approves.
 */
final class KeycloakBenchRealm {

    static final String REALM = "bench";
    static final String CLIENT_ID = "bench-cli";
    private static final String USERNAME = "load.tester";
    // A throw-away user of a throw-away realm on loopback.
    private static final String PASSWORD = "Load-tester-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUri;

    private KeycloakBenchRealm(HttpClient http, URI baseUri) {
        this.http = http;
        this.baseUri = baseUri;
    }

    /** Creates the realm, client and user. */
    static KeycloakBenchRealm create(HttpClient http, URI baseUri) throws IOException, InterruptedException {
        KeycloakBenchRealm realm = new KeycloakBenchRealm(http, baseUri);
        realm.admin("POST", "/admin/realms", Map.of("realm", REALM, "enabled", true), 201);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", CLIENT_ID);
        client.put("protocol", "openid-connect");
        client.put("enabled", true);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        client.put("attributes", Map.of("oauth2.device.authorization.grant.enabled", "true"));
        realm.admin("POST", "/admin/realms/" + REALM + "/clients", client, 201);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", USERNAME);
        user.put("email", "load.tester@example.com");
        user.put("emailVerified", true);
        user.put("firstName", "Load");
        user.put("lastName", "Tester");
        user.put("enabled", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        realm.admin("POST", "/admin/realms/" + REALM + "/users", user, 201);
        return realm;
    }

    URI tokenUri() {
        return URI.create(baseUri + tokenPath());
    }

    static String tokenPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    /** One refresh token per new user session. */
    List<String> refreshTokens(int sessions) throws IOException, InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            tokens.add(json(expect(postForm(http, tokenUri(), Map.of("grant_type", "password",
                    "client_id", CLIENT_ID, "username", USERNAME, "password", PASSWORD)), 200))
                    .path("refresh_token").asText());
        }
        return tokens;
    }

    /** Device codes of device authorizations nobody approves. */
    List<String> pendingDeviceCodes(int count) throws IOException, InterruptedException {
        URI device = URI.create(baseUri + "/realms/" + REALM + "/protocol/openid-connect/auth/device");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(json(expect(postForm(http, device, Map.of("client_id", CLIENT_ID)), 200))
                    .path("device_code").asText());
        }
        return codes;
    }

    /**
     * Keycloak's refresh-token rotation: with revokeRefreshToken a refresh token works once (max reuse 0) and
     * a reused one is refused, which is what Gatehouse always does. Off by default.
     */
    void rotateRefreshTokens(boolean rotate) throws IOException, InterruptedException {
        admin("PUT", "/admin/realms/" + REALM, Map.of("revokeRefreshToken", rotate, "refreshTokenMaxReuse", 0), 204);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A fresh admin token per call: they last 60 s, shorter than the load between two admin calls. */
    private void admin(String method, String path, Object body, int expected) throws IOException, InterruptedException {
        String token = json(expect(postForm(http, URI.create(baseUri + "/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakProcess.ADMIN_USERNAME,
                        "password", KeycloakProcess.ADMIN_PASSWORD)), 200)).path("access_token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        expect(http.send(request, HttpResponse.BodyHandlers.ofString()), expected);
    }

    private static HttpResponse<String> postForm(HttpClient http, URI uri, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("Keycloak answered " + response.request().method() + " " + response.uri() + " with "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
