package dev.gatehouse.it.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Configures Keycloak through its admin REST API, as the master realm's bootstrap administrator (a token from the
 * master realm's {@code admin-cli} client), with plain {@code java.net.http} and Jackson. Every method fails with the
 * status and body Keycloak answered when it did not do what was asked.
 */
public final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUri;
    private final String username;
    private final String password;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    KeycloakAdmin(HttpClient http, URI baseUri, String username, String password) {
        this.http = http;
        this.baseUri = baseUri;
        this.username = username;
        this.password = password;
    }

    /** A fresh, enabled realm; one left by an earlier test in this JVM is deleted first. */
    public Realm createRealm(String realm) {
        HttpResponse<String> existing = send("GET", "/admin/realms/" + realm, null);
        if (existing.statusCode() == 200) {
            expect(send("DELETE", "/admin/realms/" + realm, null), 204);
        }
        expect(send("POST", "/admin/realms", Map.of("realm", realm, "enabled", true)), 201);
        return new Realm(realm);
    }

    /** Posts a form to one of Keycloak's token endpoints and returns the JSON answer, whatever its status. */
    public static HttpResponse<String> postForm(HttpClient http, URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return call(http, request);
    }

    /** One realm's clients, users and groups. */
    public final class Realm {

        private final String name;

        private Realm(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /**
         * Gatehouse as a confidential OIDC client: the authorization code flow only, PKCE with S256 required, a
         * {@code groups} claim (group names) in its tokens. Returns the client secret.
         */
        public String createOidcClient(String clientId, List<String> redirectUris) {
            return createOidcClient(clientId, redirectUris, null);
        }

        /**
         * The same client, with Keycloak posting a back-channel logout token (with the session id) to
         * {@code backChannelLogoutUrl} whenever a user's Keycloak session ends.
         */
        public String createOidcClient(String clientId, List<String> redirectUris, String backChannelLogoutUrl) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("protocol", "openid-connect");
            client.put("enabled", true);
            client.put("publicClient", false);
            client.put("clientAuthenticatorType", "client-secret");
            client.put("standardFlowEnabled", true);
            client.put("implicitFlowEnabled", false);
            client.put("directAccessGrantsEnabled", false);
            client.put("serviceAccountsEnabled", false);
            client.put("redirectUris", redirectUris);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("pkce.code.challenge.method", "S256");
            if (backChannelLogoutUrl != null) {
                attributes.put("backchannel.logout.url", backChannelLogoutUrl);
                attributes.put("backchannel.logout.session.required", "true");
            }
            client.put("attributes", attributes);
            client.put("protocolMappers", List.of(groupsMapper()));
            String id = createClient(client);
            return body(expect(send("GET", realmPath("/clients/" + id + "/client-secret"), null), 200))
                    .path("value").asText();
        }

        /**
         * A test-only public client that allows the resource-owner password grant, so a test can get a user's
         * tokens without a browser. Never the client Gatehouse uses.
         */
        public void createPasswordGrantClient(String clientId) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("protocol", "openid-connect");
            client.put("enabled", true);
            client.put("publicClient", true);
            client.put("standardFlowEnabled", false);
            client.put("directAccessGrantsEnabled", true);
            client.put("protocolMappers", List.of(groupsMapper()));
            createClient(client);
        }

        /**
         * Gatehouse as a SAML service provider: Keycloak signs its assertions (RSA-SHA256), names the user by email
         * and posts responses to {@code acsUrl}; Gatehouse does not sign its requests.
         */
        public void createSamlClient(String entityId, String acsUrl) {
            createSamlClient(entityId, acsUrl, "email", null);
        }

        /**
         * The same, naming the user by {@code nameIdFormat} ({@code username} or {@code email}), and with
         * IdP-initiated sign-in at {@code /realms/R/protocol/saml/clients/idpInitiatedName} when that is not null.
         */
        public void createSamlClient(String entityId, String acsUrl, String nameIdFormat, String idpInitiatedName) {
            createSamlClient(entityId, acsUrl, nameIdFormat, idpInitiatedName, null);
        }

        /**
         * The same, with Keycloak posting a signed LogoutRequest back-channel (HTTP-POST binding, front-channel logout
         * off) to {@code backChannelLogoutUrl} whenever a user's Keycloak session ends.
         */
        public void createSamlClient(String entityId, String acsUrl, String nameIdFormat, String idpInitiatedName,
                                     String backChannelLogoutUrl) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (idpInitiatedName != null) {
                attributes.put("saml_idp_initiated_sso_url_name", idpInitiatedName);
            }
            attributes.put("saml.assertion.signature", "true");
            attributes.put("saml.server.signature", "true");
            attributes.put("saml.signature.algorithm", "RSA_SHA256");
            attributes.put("saml.client.signature", "false");
            attributes.put("saml.force.post.binding", "true");
            attributes.put("saml_name_id_format", nameIdFormat);
            attributes.put("saml_assertion_consumer_url_post", acsUrl);
            if (backChannelLogoutUrl != null) {
                attributes.put("saml_single_logout_service_url_post", backChannelLogoutUrl);
            }
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", entityId);
            client.put("protocol", "saml");
            client.put("enabled", true);
            client.put("frontchannelLogout", backChannelLogoutUrl == null);
            client.put("redirectUris", List.of(acsUrl));
            client.put("attributes", attributes);
            createClient(client);
        }

        /** An enabled user with a verified email and a permanent password; returns Keycloak's id for the user. */
        public String createUser(String username, String email, String firstName, String lastName, String password) {
            return createUser(username, email, firstName, lastName, password, List.of());
        }

        /**
         * A user who must set up Keycloak's own one-time passwords (TOTP) at the next sign-in, before Keycloak
         * issues any token for them.
         */
        public String createUserWithOtpRequired(String username, String email, String firstName, String lastName,
                String password) {
            return createUser(username, email, firstName, lastName, password, List.of("CONFIGURE_TOTP"));
        }

        /** A group with the given users as members; returns Keycloak's id for the group. */
        public String createGroup(String group, String... memberIds) {
            HttpResponse<String> created = expect(send("POST", realmPath("/groups"), Map.of("name", group)), 201);
            String groupId = idFrom(created);
            for (String member : memberIds) {
                expect(send("PUT", realmPath("/users/" + member + "/groups/" + groupId), null), 204);
            }
            return groupId;
        }

        /** Disables the user in Keycloak: no new sign-in; existing Keycloak sessions are Keycloak's business. */
        public void disableUser(String userId) {
            expect(send("PUT", realmPath("/users/" + userId), Map.of("enabled", false)), 204);
        }

        /** Ends every Keycloak session of the user, as the console's "Sign out"; clients hear of it back-channel. */
        public void signOutUser(String userId) {
            expect(send("POST", realmPath("/users/" + userId + "/logout"), null), 204);
        }

        public void addToGroup(String userId, String groupId) {
            expect(send("PUT", realmPath("/users/" + userId + "/groups/" + groupId), null), 204);
        }

        public void removeFromGroup(String userId, String groupId) {
            expect(send("DELETE", realmPath("/users/" + userId + "/groups/" + groupId), null), 204);
        }

        private String createUser(String username, String email, String firstName, String lastName, String password,
                List<String> requiredActions) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("email", email);
            user.put("emailVerified", true);
            user.put("firstName", firstName);
            user.put("lastName", lastName);
            user.put("enabled", true);
            user.put("requiredActions", requiredActions);
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
            return idFrom(expect(send("POST", realmPath("/users"), user), 201));
        }

        private String createClient(Map<String, Object> client) {
            return idFrom(expect(send("POST", realmPath("/clients"), client), 201));
        }

        private String realmPath(String path) {
            return "/admin/realms/" + name + path;
        }
    }

    private static Map<String, Object> groupsMapper() {
        return Map.of("name", "groups", "protocol", "openid-connect",
                "protocolMapper", "oidc-group-membership-mapper",
                "config", Map.of("claim.name", "groups", "full.path", "false", "id.token.claim", "true",
                        "access.token.claim", "true", "userinfo.token.claim", "true"));
    }

    private String adminToken() {
        if (Instant.now().isAfter(tokenExpires)) {
            HttpResponse<String> response = postForm(http,
                    URI.create(baseUri + "/realms/master/protocol/openid-connect/token"),
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", username,
                            "password", password));
            JsonNode body = body(expect(response, 200));
            token = body.path("access_token").asText();
            // Renewed well before it expires (60 s by default), so a request never carries a stale one.
            tokenExpires = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong() - 20));
        }
        return token;
    }

    private HttpResponse<String> send(String method, String path, Object json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken());
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return call(http, builder.build());
    }

    private static HttpResponse<String> call(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + response.request().method() + " "
                    + response.uri() + " with " + response.statusCode() + " (expected " + status + "): "
                    + response.body());
        }
        return response;
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }

    /** The id at the end of the Location header Keycloak sends for whatever it created. */
    private static String idFrom(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location from " + created.uri()));
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
