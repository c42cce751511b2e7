package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.web.WebTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One log line per request: with the request id the client got, and without the query or any secret header. */
class RequestLogTest {

    private static final String SECRET = "gha_secret-activation-token";
    private static final String BEARER = "secret-bearer-token";

    @TempDir
    Path dataDir;
    private WebTestServer server;

    @BeforeEach
    void start() {
        server = WebTestServer.start(dataDir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestWhenAnsweredThenOneLineWithItsRequestIdAndNoSecret() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    server.address("/activate?token=" + SECRET)))
                            .header("Authorization", "Bearer " + BEARER)
                            .header("x-amz-sso_bearer_token", BEARER).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitLine(captured);
        } finally {
            System.setErr(original);
        }

        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(RequestLog.class.getName())).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("GET /activate " + response.statusCode(), "pages", "request=" + requestId,
                        "source=127.0.0.1"));
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET, BEARER);
    }

    /** The line is written once the answer is sent, so it may come just after the client has read the answer. */
    private static void awaitLine(ByteArrayOutputStream captured) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!captured.toString(StandardCharsets.UTF_8).contains(RequestLog.class.getName())
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
