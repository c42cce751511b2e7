package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.ratelimit.RateLimits;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.TrustedProxies;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, finding 3: RegisterClient and StartDeviceAuthorization are limited per source address and answered
 * beyond it as sso-oidc answers a client that must slow down (400 SlowDownException, which both operations declare
 * in the model). The address is the peer's, or what a trusted proxy says in X-Forwarded-For, never what a client
 * says there itself.
 */
class OidcRateLimitTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int REGISTRATIONS = RateLimits.defaults().clientRegistration().burst();
    private static final int DEVICE_AUTHORIZATIONS = RateLimits.defaults().deviceAuthorization().burst();

    /** Behind a proxy on the loopback address, which the test plays. */
    @RegisterExtension
    static final RunningServer behindProxy = new RunningServer(config -> config.toBuilder()
            .http(config.http().withTrustedProxies(TrustedProxies.of(List.of("127.0.0.0/8", "10.0.0.0/8")))).build());

    /** Trusting a proxy elsewhere: the loopback peer's X-Forwarded-For is the client's own say-so. */
    @RegisterExtension
    static final RunningServer notBehindProxy = new RunningServer(config -> config.toBuilder()
            .http(config.http().withTrustedProxies(TrustedProxies.of(List.of("192.0.2.10")))).build());

    @Test
    void registrationBeyondTheLimitIsToldToSlowDownInSsoOidcsFormat() throws Exception {
        for (int i = 0; i < REGISTRATIONS; i++) {
            assertThat(register(behindProxy, "198.51.100.1").statusCode()).as("registration %d", i + 1)
                    .isEqualTo(200);
        }

        HttpResponse<String> refused = register(behindProxy, "198.51.100.1");

        assertSlowDown(refused, "Too many client registrations from this address; try again in 30 seconds.");
        assertThat(register(behindProxy, "198.51.100.2").statusCode()).as("another address").isEqualTo(200);
        behindProxy.clock.advance(Duration.ofSeconds(30));
        assertThat(register(behindProxy, "198.51.100.1").statusCode()).as("30 s later").isEqualTo(200);
        assertThat(register(behindProxy, "198.51.100.1").statusCode()).as("and no more").isEqualTo(400);
    }

    @Test
    void deviceAuthorizationBeyondTheLimitIsToldToSlowDownInSsoOidcsFormat() throws Exception {
        JsonNode client = Json.MAPPER.readTree(register(behindProxy, "198.51.100.20").body());
        Map<String, Object> start = Map.of("clientId", client.path("clientId").textValue(),
                "clientSecret", client.path("clientSecret").textValue(),
                "startUrl", behindProxy.services().instance().portalUrl());
        for (int i = 0; i < DEVICE_AUTHORIZATIONS; i++) {
            assertThat(post(behindProxy, "/device_authorization", start, "198.51.100.21").statusCode())
                    .as("device authorization %d", i + 1).isEqualTo(200);
        }

        HttpResponse<String> refused = post(behindProxy, "/device_authorization", start, "198.51.100.21");

        assertSlowDown(refused, "Too many device authorizations from this address; try again in 1 second.");
        assertThat(post(behindProxy, "/device_authorization", start, "198.51.100.22").statusCode())
                .as("the same client from another address").isEqualTo(200);
    }

    @Test
    void theRightmostAddressNotAProxyIsTheOneCountedWhateverTheClientWroteLeftOfIt() throws Exception {
        for (int i = 0; i < REGISTRATIONS; i++) {
            // The client forges a fresh address each time; the proxies (10.0.0.7 and the loopback) append the real one.
            assertThat(register(behindProxy, "192.0.2." + i + ", 198.51.100.30, 10.0.0.7").statusCode())
                    .isEqualTo(200);
        }

        assertSlowDown(register(behindProxy, "192.0.2.250, 198.51.100.30, 10.0.0.7"),
                "Too many client registrations from this address; try again in 30 seconds.");
    }

    @Test
    void xForwardedForFromAPeerThatIsNotATrustedProxyIsIgnored() throws Exception {
        for (int i = 0; i < REGISTRATIONS; i++) {
            assertThat(register(notBehindProxy, "198.51.100." + i).statusCode()).isEqualTo(200);
        }

        assertSlowDown(register(notBehindProxy, "198.51.100.200"),
                "Too many client registrations from this address; try again in 30 seconds.");
    }

    private static void assertSlowDown(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("SlowDownException");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("error").textValue()).isEqualTo("slow_down");
        assertThat(body.path("error_description").textValue()).isEqualTo(message);
    }

    private static HttpResponse<String> register(RunningServer server, String forwardedFor) throws Exception {
        return post(server, "/client/register", Map.of("clientName", "aws-cli", "clientType", "public"),
                forwardedFor);
    }

    private static HttpResponse<String> post(RunningServer server, String path, Map<String, Object> body,
                                             String forwardedFor) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
