package dev.gatehouse.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.server.web.WebTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/grafana-dashboard.json queries only metrics a running Gatehouse shows at /metrics. */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "docs", "grafana-dashboard.json");
    private static final String TOKEN = "metrics-token-for-the-dashboard-test";
    /** A metric name: lower case with underscores, outside quotes (label values) and not a PromQL function. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w$])[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Set<String> FUNCTIONS = Set.of("histogram_quantile", "label_values");

    @TempDir
    Path dataDir;

    @Test
    void dashboardWhenItsQueriesAreReadThenEveryMetricTheyNameIsOneTheServerExports() throws Exception {
        Set<String> queried = queriedMetrics(new ObjectMapper().readTree(DASHBOARD.toFile()));

        Set<String> exported;
        try (WebTestServer server = WebTestServer.withMetricsToken(dataDir, TOKEN)) {
            server.createActiveUser("ed.developer");
            assertThat(server.newBrowser().signIn("ed.developer", "/start").statusCode()).isEqualTo(303);
            // Counters appear with their first event: these are counted as they are audited, here without a login.
            AuditMetrics audited = new AuditMetrics(server.services.metrics().registry());
            for (String event : new String[] {"CreateToken", "GetRoleCredentials", "Logout"}) {
                audited.accept(event(event));
            }
            exported = exportedMetrics(server);
        }

        assertThat(queried).as("the dashboard's metrics").contains("gatehouse_http_requests_seconds_bucket",
                "gatehouse_signins_total", "gatehouse_tokens_issued_total", "hikaricp_connections_active",
                "jvm_memory_used_bytes");
        assertThat(exported).as("the metrics /metrics shows").containsAll(queried);
    }

    /** Every metric name in the panels' queries and the variables' queries. */
    private static Set<String> queriedMetrics(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode expression : dashboard.findValues("expr")) {
            names.addAll(metricNames(expression.asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            names.addAll(metricNames(variable.path("definition").asText()));
        }
        return names;
    }

    private static Set<String> metricNames(String query) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(QUOTED.matcher(query).replaceAll("\"\""));
        while (matcher.find()) {
            if (!FUNCTIONS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static Set<String> exportedMetrics(WebTestServer server) throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.address(MetricsEndpoint.PATH))).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static AuditEvent event(String name) {
        return new AuditEvent("event-" + name, Instant.parse("2026-12-06T12:00:00Z"), "sso.amazonaws.com", name,
                "ed.developer", Map.of(), "127.0.0.1", "test", Map.of(), Map.of(), null, null, "request-" + name);
    }
}
