package dev.gatehouse.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests Microsoft Entra ID and Okta send, in the shapes and order their SCIM documentation gives
 * (it/src/test/resources/scim/*-provisioning.json), replayed over HTTP against a running Gatehouse. Each step names
 * the status and the answer's values it must get; ids an answer gives are put into the steps after it.
 */
class ScimVendorReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private HttpClient http;
    private String token;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        token = gatehouse.services().core().scimTokens().create(Entitlement.ADMIN,
                RequestContext.commandLine("it-setup")).value();
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        gatehouse.close();
    }

    @Test
    void entraProvisioningCycleAsMicrosoftDocumentsIt() throws Exception {
        replay("entra-provisioning.json");
    }

    @Test
    void oktaProvisioningCycleAsOktaDocumentsIt() throws Exception {
        replay("okta-provisioning.json");
    }

    private void replay(String script) throws IOException, InterruptedException {
        JsonNode steps = load(script).path("steps");
        assertThat(steps.size()).as("steps in %s", script).isGreaterThan(5);
        Map<String, String> saved = new HashMap<>();
        for (JsonNode step : steps) {
            String name = script + ": " + step.path("name").asText();
            HttpResponse<String> response = send(step, saved);
            assertThat(response.statusCode()).as("%s answered%n%s", name, response.body())
                    .isEqualTo(step.path("status").asInt());
            if (response.statusCode() == 204) {
                assertThat(response.body()).as(name).isEmpty();
                continue;
            }
            assertThat(response.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/scim+json"));
            JsonNode answer = JSON.readTree(response.body());
            for (Iterator<Map.Entry<String, JsonNode>> it = step.path("expect").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> expected = it.next();
                JsonNode wanted = expected.getValue().isTextual()
                        ? JSON.getNodeFactory().textNode(substitute(expected.getValue().asText(), saved))
                        : expected.getValue();
                assertThat(answer.at(expected.getKey())).as("%s: %s in%n%s", name, expected.getKey(), answer)
                        .isEqualTo(wanted);
            }
            for (JsonNode pointer : step.path("absent")) {
                assertThat(answer.at(pointer.asText()).isMissingNode()).as("%s: no %s", name, pointer).isTrue();
            }
            step.path("save").fields().forEachRemaining(save ->
                    saved.put(save.getKey(), answer.at(save.getValue().asText()).asText()));
        }
    }

    private HttpResponse<String> send(JsonNode step, Map<String, String> saved)
            throws IOException, InterruptedException {
        String body = step.has("body") ? substitute(JSON.writeValueAsString(step.get("body")), saved) : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(substitute(step.path("path").asText(), saved)))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json")
                .method(step.path("method").asText(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json; charset=utf-8");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path as written in the script, its query values percent-encoded as the vendors send them. */
    private URI uri(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return URI.create(gatehouse.baseUrl() + "/scim/v2" + path);
        }
        StringBuilder encoded = new StringBuilder(path.substring(0, query + 1));
        for (String parameter : path.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            encoded.append(encoded.charAt(encoded.length() - 1) == '?' ? "" : "&")
                    .append(parameter, 0, equals + 1)
                    .append(URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return URI.create(gatehouse.baseUrl() + "/scim/v2" + encoded);
    }

    private static String substitute(String text, Map<String, String> saved) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = saved.get(matcher.group(1));
            assertThat(value).as("a step before saved %s", matcher.group(1)).isNotNull();
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }

    private static JsonNode load(String script) throws IOException {
        try (InputStream in = ScimVendorReplayTest.class.getResourceAsStream("/scim/" + script)) {
            assertThat(in).as(script).isNotNull();
            return JSON.readTree(in);
        }
    }
}
