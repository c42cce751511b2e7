package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.server.idp.BackChannelLogoutApi;
import dev.gatehouse.server.idp.saml.IdpMetadata;
import dev.gatehouse.server.idp.saml.SamlRefused;
import dev.gatehouse.server.idp.saml.ServiceProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openqa.selenium.By;

/**
 * A Gatehouse whose identity source is the shared Keycloak: a realm of its own with Gatehouse as a confidential OIDC
 * client (back-channel logout on) or, from {@link #startSaml}, as a SAML service provider, SCIM provisioning with a live SCIM token, and account 111122223333 with
 * PowerUserAccess. {@link #provision} adds a person the way a company does: in Keycloak, then in Gatehouse through
 * SCIM, then an assignment. Keycloak is started (once per JVM) before Gatehouse's clock, so ID tokens are never
 * issued in the clock's future.
 */
public final class KeycloakSourcedGatehouse implements AutoCloseable {

    public static final String ACCOUNT_ID = "111122223333";
    public static final String ROLE_NAME = "PowerUserAccess";
    public static final String PASSWORD = "Idp-Passw0rd-for-clients";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext SETUP = RequestContext.commandLine("keycloak-sourced-gatehouse");

    /** A person known to both Keycloak and Gatehouse, with PowerUserAccess in {@value #ACCOUNT_ID}. */
    public record Person(String userName, String keycloakId, String userId) {

        /** What {@code sts get-caller-identity} answers for this person in that role. */
        public Pattern roleArn() {
            return Pattern.compile("arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/AWSReservedSSO_" + ROLE_NAME
                    + "_[0-9a-f]{16}/" + Pattern.quote(userName));
        }
    }

    private final KeycloakServer keycloak;
    private final KeycloakAdmin.Realm realm;
    private final RunningGatehouse gatehouse;
    private final String scimToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakSourcedGatehouse(KeycloakServer keycloak, KeycloakAdmin.Realm realm, RunningGatehouse gatehouse,
                                     String scimToken) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.gatehouse = gatehouse;
        this.scimToken = scimToken;
    }

    /** A Gatehouse on H2 in {@code dataDir} signing people in through a new Keycloak realm {@code realmName}. */
    public static KeycloakSourcedGatehouse start(Path dataDir, String realmName) {
        return start(dataDir, realmName, (keycloak, realm, publicUrl, core) -> {
            String secret = realm.createOidcClient("gatehouse", List.of(publicUrl + "/signin/oidc/callback"),
                    publicUrl + BackChannelLogoutApi.PATH);
            core.identitySources().setExternalOidc(keycloak.issuer(realm.name()).toString(), "gatehouse", secret,
                    UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, Actor.administratorCli(), SETUP);
        });
    }

    /**
     * The same with Gatehouse as Keycloak's SAML service provider: Keycloak's SAML client is Gatehouse's SP entity id
     * and ACS, naming users by user name, with back-channel logout to Gatehouse's SLO endpoint; Gatehouse imports Keycloak's IdP metadata from its descriptor URL.
     */
    public static KeycloakSourcedGatehouse startSaml(Path dataDir, String realmName) {
        return start(dataDir, realmName, (keycloak, realm, publicUrl, core) -> {
            realm.createSamlClient(publicUrl + ServiceProvider.METADATA_PATH, publicUrl + ServiceProvider.ACS_PATH,
                    "username", null, publicUrl + ServiceProvider.SLO_PATH);
            String descriptor = keycloak.issuer(realm.name()) + "/protocol/saml/descriptor";
            IdpMetadata metadata;
            try {
                metadata = IdpMetadata.fetch(URI.create(descriptor));
            } catch (SamlRefused e) {
                throw new IllegalStateException("Keycloak's SAML descriptor was refused", e);
            }
            core.identitySources().setExternalSaml(new ExternalSaml(metadata.entityId(), new SamlSettings(
                    metadata.ssoUrl(), metadata.signingCertificates(), false, null, descriptor),
                    UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED),
                    Actor.administratorCli(), SETUP);
        });
    }

    /** How a realm and Gatehouse are made to know each other, for one protocol. */
    private interface Federation {
        void connect(KeycloakServer keycloak, KeycloakAdmin.Realm realm, String publicUrl, CoreServices core);
    }

    private static KeycloakSourcedGatehouse start(Path dataDir, String realmName, Federation federation) {
        KeycloakServer keycloak = KeycloakServer.shared();
        RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        try {
            String publicUrl = gatehouse.services().config().http().publicUrl();
            KeycloakAdmin.Realm realm = keycloak.admin().createRealm(realmName);
            CoreServices core = gatehouse.services().core();
            federation.connect(keycloak, realm, publicUrl, core);
            Actor admin = Actor.administratorCli();
            core.accessModel().createAccount(ACCOUNT_ID, "Development", "aws+dev@example.com", admin, SETUP);
            core.accessModel().createPermissionSet(new NewPermissionSet(ROLE_NAME, "Full access except IAM", "PT1H",
                    List.of("PowerUserAccess"), null, null, null, Map.of()), admin, SETUP);
            String scimToken = core.scimTokens().create(admin, SETUP).value();
            return new KeycloakSourcedGatehouse(keycloak, realm, gatehouse, scimToken);
        } catch (RuntimeException e) {
            gatehouse.close();
            throw e;
        }
    }

    /**
     * Creates {@code userName} in Keycloak (password {@value #PASSWORD}) and, through SCIM, in Gatehouse, and
     * assigns them PowerUserAccess in {@value #ACCOUNT_ID}.
     */
    public Person provision(String userName) {
        String keycloakId = realm.createUser(userName, userName + "@example.com", userName, "Tester", PASSWORD);
        HttpResponse<String> created = scim("POST", "/Users", Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", userName,
                "displayName", userName + " Tester",
                "name", Map.of("givenName", userName, "familyName", "Tester"),
                "emails", List.of(Map.of("value", userName + "@example.com", "primary", true)),
                "active", true));
        assertThat(created.statusCode()).as("SCIM create %s: %s", userName, created.body()).isEqualTo(201);
        String userId = json(created).path("id").asText();
        gatehouse.services().core().accessModel().assign(ACCOUNT_ID, ROLE_NAME, PrincipalType.USER, userName,
                Actor.administratorCli(), SETUP);
        return new Person(userName, keycloakId, userId);
    }

    /**
     * Signs {@code person} in on Keycloak's own login page, where the browser has just been sent (or is being sent)
     * by Gatehouse; returns once Keycloak let the browser go.
     */
    public void signInAtKeycloak(Chromium chromium, Person person) {
        chromium.awaitUrl(url -> url.startsWith(issuer().toString()));
        keepUpWithKeycloak();
        chromium.fill("username", person.userName());
        chromium.fill("password", PASSWORD);
        chromium.screenshot("keycloak-login");
        chromium.click(By.id("kc-login"));
    }

    /**
     * Keycloak stamps tokens and assertions with the real time; Gatehouse's clock is stepped to it before a
     * sign-in, so NotBefore, NotOnOrAfter and iat are judged as they would be on one machine.
     */
    private void keepUpWithKeycloak() {
        Duration behind = Duration.between(gatehouse.clock().instant(), Instant.now());
        if (!behind.isNegative()) {
            gatehouse.clock().advance(behind);
        }
    }

    /** A SCIM request with this Gatehouse's SCIM token, as the company's provisioning client sends it. */
    public HttpResponse<String> scim(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/scim/v2" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + scimToken)
                .header("Accept", "application/scim+json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/scim+json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public RunningGatehouse gatehouse() {
        return gatehouse;
    }

    public CoreServices core() {
        return gatehouse.services().core();
    }

    public KeycloakAdmin.Realm realm() {
        return realm;
    }

    /** The Keycloak realm's issuer: its login page lives under it. */
    public URI issuer() {
        return keycloak.issuer(realm.name());
    }

    public String baseUrl() {
        return gatehouse.baseUrl();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        gatehouse.close();
    }
}
