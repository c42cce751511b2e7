package dev.gatehouse.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared Keycloak starts, and the realm the later OIDC and SAML tests need can be set up in it. */
@ExtendWith(KeycloakInstalled.class)
class KeycloakServerTest {

    private static final String REALM = "gatehouse-test";
    private static final String PASSWORD = "Idp-Passw0rd-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakServer keycloak;
    private static String oidcSecret;

    @BeforeAll
    static void setUpRealm() {
        keycloak = KeycloakServer.shared();
        System.out.println("Keycloak ready after " + keycloak.startupTime().toMillis() + " ms at "
                + keycloak.baseUri());
        KeycloakAdmin.Realm realm = keycloak.admin().createRealm(REALM);
        oidcSecret = realm.createOidcClient("gatehouse", List.of("http://127.0.0.1:8080/login/oidc/callback"));
        realm.createSamlClient("http://127.0.0.1:8080/saml/metadata", "http://127.0.0.1:8080/saml/acs");
        realm.createPasswordGrantClient("test-password-grant");
        String ada = realm.createUser("ada", "ada@example.com", "Ada", "Lovelace", PASSWORD);
        realm.createUser("alan", "alan@example.com", "Alan", "Turing", PASSWORD);
        realm.createUserWithOtpRequired("grace", "grace@example.com", "Grace", "Hopper", PASSWORD);
        realm.createGroup("platform-engineers", ada);
    }

    @Test
    void discoveryDocumentNamesTheRealmAsIssuerAndItsEndpoints() {
        JsonNode discovery = getJson("/realms/" + REALM + "/.well-known/openid-configuration");
        String issuer = keycloak.issuer(REALM).toString();
        assertEquals(issuer, discovery.path("issuer").asText());
        assertEquals(issuer + "/protocol/openid-connect/auth", discovery.path("authorization_endpoint").asText());
        assertEquals(issuer + "/protocol/openid-connect/token", discovery.path("token_endpoint").asText());
        assertEquals(issuer + "/protocol/openid-connect/certs", discovery.path("jwks_uri").asText());
        assertTrue(values(discovery.path("code_challenge_methods_supported")).contains("S256"), discovery::toString);
    }

    @Test
    void jwksHasAnRs256SigningKey() {
        JsonNode jwks = getJson("/realms/" + REALM + "/protocol/openid-connect/certs");
        boolean rs256 = false;
        for (JsonNode key : jwks.path("keys")) {
            rs256 |= "RS256".equals(key.path("alg").asText()) && "RSA".equals(key.path("kty").asText())
                    && "sig".equals(key.path("use").asText()) && !key.path("n").asText().isEmpty();
        }
        assertTrue(rs256, jwks::toString);
    }

    @Test
    void samlDescriptorCarriesASigningCertificate() throws CertificateException {
        HttpResponse<String> response = get("/realms/" + REALM + "/protocol/saml/descriptor");
        assertEquals(200, response.statusCode());
        String descriptor = response.body();
        assertTrue(descriptor.contains("entityID=\"" + keycloak.issuer(REALM) + "\""), descriptor);
        Matcher signing = Pattern.compile(
                "<md:KeyDescriptor use=\"signing\">.*?<ds:X509Certificate>([^<]+)</ds:X509Certificate>",
                Pattern.DOTALL).matcher(descriptor);
        assertTrue(signing.find(), descriptor);
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(signing.group(1))));
        assertEquals("CN=" + REALM, certificate.getSubjectX500Principal().getName());
    }

    @Test
    void passwordGrantIssuesAnIdTokenWithTheUsersEmailUsernameAndGroups() {
        HttpResponse<String> response = passwordGrant("ada");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode idToken = payload(KeycloakAdmin.body(response).path("id_token").asText());
        assertEquals(keycloak.issuer(REALM).toString(), idToken.path("iss").asText());
        assertEquals("ada@example.com", idToken.path("email").asText());
        assertEquals("ada", idToken.path("preferred_username").asText());
        assertEquals("Ada", idToken.path("given_name").asText());
        assertEquals(List.of("platform-engineers"), values(idToken.path("groups")), idToken::toString);

        JsonNode other = payload(KeycloakAdmin.body(passwordGrant("alan")).path("id_token").asText());
        assertEquals("alan@example.com", other.path("email").asText());
        assertTrue(values(other.path("groups")).isEmpty(), other::toString);
    }

    @Test
    void aUserWhoMustSetUpOtpGetsNoTokenYet() {
        HttpResponse<String> response = passwordGrant("grace");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_grant", KeycloakAdmin.body(response).path("error").asText());
    }

    @Test
    void gatehouseClientIsConfidentialAndNeedsPkce() {
        assertFalse(oidcSecret.isBlank());
        // The password grant is off for Gatehouse's own client, even with its secret.
        HttpResponse<String> response = KeycloakAdmin.postForm(HTTP,
                URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "gatehouse", "client_secret", oidcSecret,
                        "username", "ada", "password", PASSWORD, "scope", "openid"));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("unauthorized_client", KeycloakAdmin.body(response).path("error").asText());
        // An authorization request without a code challenge is refused.
        HttpResponse<String> noPkce = get("/realms/" + REALM + "/protocol/openid-connect/auth?client_id=gatehouse"
                + "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Flogin%2Foidc%2Fcallback");
        String location = noPkce.headers().firstValue("Location").orElse("");
        assertTrue(noPkce.statusCode() == 302 && location.contains("error=invalid_request")
                && location.contains("code_challenge"), noPkce.statusCode() + " " + location);
    }

    private static HttpResponse<String> passwordGrant(String username) {
        return KeycloakAdmin.postForm(HTTP, URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "test-password-grant", "username", username,
                        "password", PASSWORD, "scope", "openid"));
    }

    private static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, jwt);
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), response.body());
        return KeycloakAdmin.body(response);
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUri() + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
