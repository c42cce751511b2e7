package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sso-oidc reads a body only as restJson1 sends it: one JSON object, declared as application/json. */
class OidcApiTest {

    private static final String REGISTRATION = "{\"clientName\":\"test\",\"clientType\":\"public\"}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static Services services;
    static GatehouseServer server;

    @BeforeAll
    static void start() {
        GatehouseConfig config = new GatehouseConfig(dataDir, "127.0.0.1", 0, null, "us-east-1",
                GatehouseConfig.DatabaseConfig.embedded(dataDir), List.of(), Duration.ofHours(8), null);
        services = Services.open(config, new SteppedClock(Instant.parse("2025-06-02T09:00:00Z")));
        server = GatehouseServer.start(services);
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    @Test
    void registerClientWhenContentTypeIsJsonThenRegistered() throws Exception {
        HttpResponse<String> response = post("/client/register", "application/json", REGISTRATION);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).path("clientId").textValue()).isNotBlank();
    }

    @Test
    void registerClientWhenContentTypeHasCharsetThenRegistered() throws Exception {
        assertThat(post("/client/register", "application/json; charset=utf-8", REGISTRATION).statusCode())
                .isEqualTo(200);
    }

    @Test
    void registerClientWhenContentTypeIsTextPlainThenInvalidRequest() throws Exception {
        assertInvalidRequest(post("/client/register", "text/plain", REGISTRATION));
    }

    @Test
    void registerClientWhenBodyHasNoContentTypeThenInvalidRequest() throws Exception {
        assertInvalidRequest(post("/client/register", null, REGISTRATION));
    }

    @Test
    void createTokenWhenBodyIsEmptyAndHasNoContentTypeThenReadAsNoMembers() throws Exception {
        HttpResponse<String> response = post("/token", null, "");

        assertInvalidRequest(response);
        assertThat(Json.MAPPER.readTree(response.body()).path("error_description").textValue())
                .as("refused for its missing members, not for its missing Content-Type")
                .isEqualTo("clientId is required");
    }

    @Test
    void registerClientWhenJsonObjectIsFollowedByMoreTextThenInvalidRequest() throws Exception {
        assertInvalidRequest(post("/client/register", "application/json", REGISTRATION + " trailing"));
        assertInvalidRequest(post("/client/register", "application/json", REGISTRATION + "{}"));
    }

    private static void assertInvalidRequest(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("error").textValue()).isEqualTo("invalid_request");
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
