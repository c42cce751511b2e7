package dev.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint refuses calls that are not signed by a service credential before it reads their body. */
class AuthorizationApiTest {

    @TempDir
    static Path dataDir;
    static Services services;
    static GatehouseServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        GatehouseConfig config = GatehouseConfig.defaults(dataDir).toBuilder()
                .http(HttpConfig.LOOPBACK_ON_FREE_PORT).build();
        services = Services.open(config, new SteppedClock(Instant.parse("2025-06-02T09:00:00Z")));
        server = GatehouseServer.start(services);
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    private static HttpResponse<String> post(String body, String authorization) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + AuthorizationApi.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization).header("X-Amz-Date", "20250602T090000Z");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unsignedCallIsRefusedEvenWhenItsBodyIsMalformed() throws Exception {
        HttpResponse<String> response = post("not json", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(response.body()).startsWith("{\"message\":");
    }

    @Test
    void callSignedWithAnUnknownAccessKeyIsRefused() throws Exception {
        HttpResponse<String> response = post("{}", "AWS4-HMAC-SHA256 Credential=AKIAAAAAAAAAAAAAAAAA/20250602/"
                + "us-east-1/gatehouse-authz/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "0".repeat(64));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnrecognizedClientException");
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + AuthorizationApi.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(404, 405);
    }
}
