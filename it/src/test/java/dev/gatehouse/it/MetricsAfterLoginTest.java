package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device-code login with the AWS SDK, then GetCallerIdentity: /metrics shows each step counted. */
class MetricsAfterLoginTest {

    private static final String TOKEN = "it-metrics-token-0123456789abcdef";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private DeviceLogin login;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2WithMetricsToken(dataDir, MutableClock.startingNow(), TOKEN);
        login = new DeviceLogin(gatehouse);
    }

    @AfterEach
    void stop() throws Exception {
        login.close();
        gatehouse.close();
    }

    @Test
    void loginWithTheSdkThenTokensCredentialsSignInsAndRequestTimersMove() throws Exception {
        Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        String before = scrape();
        assertThat(before).doesNotContain("gatehouse_tokens_issued_total");

        String accessToken = login.logIn(ed).accessToken();
        login.callerIdentity(login.roleCredentials(accessToken, ed));
        String after = scrape();

        assertThat(after)
                .contains("gatehouse_tokens_issued_total 1.0")
                .contains("gatehouse_credentials_issued_total 1.0")
                .containsPattern("gatehouse_signins_total\\{credential=\"[A-Z_a-z]+\",error=\"none\",outcome=\"success\","
                        + "step=\"UserAuthentication\"} 1.0")
                .containsPattern("gatehouse_http_requests_seconds_count\\{operation=\"POST /token\","
                        + "outcome=\"client_error\",protocol=\"sso-oidc\"} [1-9]")   // authorization_pending
                .containsPattern("gatehouse_http_requests_seconds_count\\{operation=\"POST /token\","
                        + "outcome=\"success\",protocol=\"sso-oidc\"} 1\n")
                .containsPattern("gatehouse_http_requests_seconds_count\\{operation=\"POST /\","
                        + "outcome=\"success\",protocol=\"sts\"} 1\n");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gatehouse.baseUrl() + "/metrics")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
