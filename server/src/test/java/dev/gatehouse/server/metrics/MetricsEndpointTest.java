package dev.gatehouse.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics behind its bearer token: requests, sign-ins by outcome, the connection pool and the JVM move and show. */
class MetricsEndpointTest {

    private static final String TOKEN = "metrics-token-for-tests-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    private WebTestServer server;

    @BeforeEach
    void start() {
        server = WebTestServer.withMetricsToken(dataDir, TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metricsWhenASignInSucceedsAndOneFailsThenTheirCountersAndTheRequestTimerShowThem() throws Exception {
        server.createActiveUser("ed.developer");
        Browser ed = server.newBrowser();
        assertThat(ed.signIn("ed.developer", "/start").statusCode()).isEqualTo(303);
        Browser mallory = server.newBrowser();
        HttpResponse<String> form = mallory.get("/signin");
        mallory.post("/signin", Browser.form("username", "ed.developer", "password", "wrong-Passw0rd!",
                "next", "/start", "csrf", Browser.hidden(form, "csrf")));

        HttpResponse<String> metrics = scrape("Bearer " + TOKEN);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .containsPattern("gatehouse_signins_total\\{credential=\"[A-Z_a-z]+\",error=\"none\",outcome=\"success\","
                        + "step=\"UserAuthentication\"} 1.0")
                .containsPattern("gatehouse_signins_total\\{credential=\"[A-Z_a-z]+\",error=\"[A-Za-z]+\","
                        + "outcome=\"failure\",step=\"UserAuthentication\"} 1.0")
                .containsPattern("gatehouse_http_requests_seconds_count\\{operation=\"POST /signin\","
                        + "outcome=\"success\",protocol=\"pages\"} [1-9]")
                .contains("gatehouse_http_requests_seconds_bucket{")
                .contains("hikaricp_connections_active{pool=\"gatehouse\"}")
                .contains("jvm_memory_used_bytes{");
    }

    @Test
    void metricsWhenSignInsAreThrottledThenTheRefusedAttemptsAreCounted() throws Exception {
        server.createActiveUser("ed.developer");
        Browser mallory = server.newBrowser();
        for (int i = 0; i < 6; i++) {   // 4 free failures, the 5th locks the name out, the 6th is refused unchecked
            HttpResponse<String> form = mallory.get("/signin");
            mallory.post("/signin", Browser.form("username", "ed.developer", "password", "wrong-Passw0rd!" + i,
                    "next", "/start", "csrf", Browser.hidden(form, "csrf")));
        }

        assertThat(scrape("Bearer " + TOKEN).body())
                .containsPattern("gatehouse_throttled_total\\{attempts=\"failed_sign-ins\"} [1-9]");
    }

    @Test
    void metricsWhenASessionStartsAndEndsThenTheGaugeFollowsWithinHalfAMinuteAndTheRevocationIsCounted()
            throws Exception {
        server.createActiveUser("ed.developer");
        assertThat(scrape("Bearer " + TOKEN).body()).contains("gatehouse_sessions_active 0.0");
        Browser ed = server.newBrowser();
        ed.signIn("ed.developer", "/start");

        String counted = scrape("Bearer " + TOKEN).body();
        server.clock.advance(Duration.ofSeconds(30));
        String recounted = scrape("Bearer " + TOKEN).body();
        ed.post("/signout", Browser.form("csrf", Browser.hidden(ed.get("/start"), "csrf")));
        server.clock.advance(Duration.ofSeconds(30));
        String afterSignOut = scrape("Bearer " + TOKEN).body();

        assertThat(counted).as("the count is at most 30 s old, not one query per scrape")
                .contains("gatehouse_sessions_active 0.0");
        assertThat(recounted).contains("gatehouse_sessions_active 1.0");
        assertThat(afterSignOut).contains("gatehouse_sessions_active 0.0")
                .contains("gatehouse_revocations_total{event=\"SignOut\"} 1.0");
    }

    @Test
    void metricsWhenTheTokenIsMissingOrWrongThen401AndNoMetrics() throws Exception {
        HttpResponse<String> none = scrape(null);
        HttpResponse<String> wrong = scrape("Bearer not-" + TOKEN);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("jvm_");
    }

    @Test
    void metricsWhenNoTokenIsConfiguredThenThereIsNoEndpoint(@TempDir Path otherDataDir) throws Exception {
        try (WebTestServer without = WebTestServer.start(otherDataDir)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    without.address(MetricsEndpoint.PATH))).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void requestOutcomeWhenStatusThenItsClass() {
        assertThat(Map.of(200, RequestMetrics.outcome(200), 303, RequestMetrics.outcome(303),
                404, RequestMetrics.outcome(404), 500, RequestMetrics.outcome(500), 503, RequestMetrics.outcome(503)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, "success", 303, "success", 404, "client_error",
                        500, "server_error", 503, "unavailable"));
    }

    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.address(MetricsEndpoint.PATH)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
