package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.http.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, finding 3: nothing an unauthenticated caller sends to sso-oidc is stored or audited unbounded. Over-long
 * members and over-long lists are refused with sso-oidc's own validation error.
 */
class OidcInputLimitsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();

    @Test
    void registerClientWithA10000CharacterNameIsRefused() throws Exception {
        HttpResponse<String> response = post("/client/register", Map.of("clientName", "n".repeat(10_000),
                "clientType", "public"), null);

        assertRefused(response, "InvalidRequestException", "clientName must be at most 256 characters");
    }

    @Test
    void registerClientWith1000ScopesIsRefused() throws Exception {
        HttpResponse<String> response = post("/client/register", Map.of("clientName", "aws-cli",
                "clientType", "public", "scopes", Collections.nCopies(1_000, "sso:account:access")), null);

        assertRefused(response, "InvalidRequestException", "scopes may hold at most 50 items");
    }

    @Test
    void registerClientWithTooManyRedirectUrisIsRefusedAsAnInvalidRedirectUri() throws Exception {
        HttpResponse<String> response = post("/client/register", Map.of("clientName", "aws-cli",
                "clientType", "public", "grantTypes", List.of("authorization_code"),
                "redirectUris", Collections.nCopies(11, "http://127.0.0.1:9999/oauth/callback")), null);

        assertRefused(response, "InvalidRedirectUriException", "redirectUris may hold at most 10 items");
    }

    @Test
    void startDeviceAuthorizationWithAHugeStartUrlIsRefusedWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = post("/device_authorization", Map.of("clientId", "c".repeat(100),
                "clientSecret", "s", "startUrl", "https://example.com/" + "x".repeat(10_000)), null);

        assertRefused(response, "InvalidRequestException", "startUrl must be at most 2048 characters");
        assertThat(response.body()).hasSizeLessThan(500);
    }

    @Test
    void createTokenWithAHugeClientIdIsRefusedBeforeItIsAudited() throws Exception {
        HttpResponse<String> response = post("/token", Map.of("clientId", "c".repeat(10_000), "clientSecret", "s",
                "grantType", "refresh_token", "refreshToken", "r"), null);

        assertRefused(response, "InvalidRequestException", "clientId must be at most 256 characters");
    }

    @Test
    void anAuditEventStaysBoundedWhateverTheRequestCarried() throws Exception {
        String userAgent = "agent-" + "a".repeat(7_000);
        HttpResponse<String> response = post("/client/register", Map.of("clientName", "n".repeat(256),
                "clientType", "public", "scopes", Collections.nCopies(50, "s".repeat(256))), userAgent);
        assertThat(response.statusCode()).isEqualTo(200);
        String clientId = Json.MAPPER.readTree(response.body()).path("clientId").textValue();

        AuditEvent event = gatehouse.services().core().auditQueries().find(new AuditQuery(null, "RegisterClient",
                null, null, 1000)).stream().filter(e -> clientId.equals(e.responseElements().get("clientId")))
                .findFirst().orElseThrow();
        assertThat(event.userAgent()).hasSizeLessThan(1_100).endsWith("characters]");
        assertThat(Json.MAPPER.writeValueAsString(event.cloudTrailRecord())).hasSizeLessThan(20_000);
    }

    private static void assertRefused(HttpResponse<String> response, String errorType, String message)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("error_description").textValue()).isEqualTo(message);
    }

    private static HttpResponse<String> post(String path, Map<String, Object> body, String userAgent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatehouse.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
