package dev.gatehouse.server.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Calls {@code /scim/v2} over HTTP with one bearer token, as an identity provider does. */
final class ScimClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body, HttpResponse<String> response) { }

    private final RunningServer server;
    private final String token;

    ScimClient(RunningServer server, String token) {
        this.server = server;
        this.token = token;
    }

    ScimClient withToken(String otherToken) {
        return new ScimClient(server, otherToken);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body);
    }

    Answer patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String body) {
        return send(method, path, body, null);
    }

    /** The request with an {@code If-Match} header naming {@code ifMatch} (null: none). */
    Answer send(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/scim/v2" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request body from server/src/test/resources/scim, with placeholders replaced. */
    static String fixture(String name, String... replacements) {
        try (InputStream in = ScimClient.class.getResourceAsStream("/scim/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i + 1 < replacements.length; i += 2) {
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String user(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Given","familyName":"Family"},
                 "emails":[{"value":"%s@example.com","primary":true}],"externalId":"ext-%s"}"""
                .formatted(userName, userName, userName);
    }
}
