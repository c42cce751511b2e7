package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.http.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sso-oidc reads a body only as restJson1 sends it: one JSON object, declared as application/json. */
class OidcApiTest {

    private static final String REGISTRATION = "{\"clientName\":\"test\",\"clientType\":\"public\"}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();

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
        HttpRequest.Builder request = HttpRequest.newBuilder(gatehouse.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
