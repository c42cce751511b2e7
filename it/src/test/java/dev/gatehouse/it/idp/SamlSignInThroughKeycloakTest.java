package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.server.idp.saml.IdpMetadata;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Keycloak as the SAML 2.0 identity source, through its own login page in Chromium. Gatehouse imports Keycloak's
 * IdP metadata from its descriptor URL, Keycloak's SAML client is Gatehouse's SP entity id and ACS. A provisioned user
 * signs in SP-initiated (from {@code /signin}, {@code next} kept through RelayState) and IdP-initiated (from
 * Keycloak's IdP-initiated URL); one disabled in Gatehouse is refused at the ACS although Keycloak signed them in.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class SamlSignInThroughKeycloakTest {

    private static final String REALM = "gatehouse-saml-signin";
    private static final String IDP_INITIATED_NAME = "gatehouse";
    private static final String PASSWORD = "Idp-Passw0rd-for-tests";
    private static final RequestContext SETUP = RequestContext.commandLine("saml-keycloak-test");

    @TempDir
    Path dataDir;

    @Test
    void provisionedUserSignsInSpAndIdpInitiatedAndADisabledOneIsRefused() throws Exception {
        KeycloakServer keycloak = KeycloakServer.shared();
        MutableClock clock = MutableClock.startingNow();
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, clock)) {
            String publicUrl = gatehouse.services().config().http().publicUrl();
            KeycloakAdmin.Realm realm = keycloak.admin().createRealm(REALM);
            realm.createSamlClient(publicUrl + "/saml/metadata", publicUrl + "/saml/acs", "username",
                    IDP_INITIATED_NAME);
            realm.createUser("ada", "ada@example.com", "Ada", "Lovelace", PASSWORD);
            realm.createUser("alan", "alan@example.com", "Alan", "Turing", PASSWORD);

            var core = gatehouse.services().core();
            for (String name : List.of("ada", "alan")) {
                core.identityStore().createUser(new NewUser(name, null, name, "Tester", name + "@example.com",
                        false), Actor.administratorCli(), SETUP);
            }
            core.identityStore().setStatus("alan", UserStatus.DISABLED, Actor.administratorCli(), SETUP);
            String descriptor = keycloak.issuer(REALM) + "/protocol/saml/descriptor";
            IdpMetadata metadata = IdpMetadata.fetch(URI.create(descriptor));
            assertThat(metadata.entityId()).isEqualTo(keycloak.issuer(REALM).toString());
            core.identitySources().setExternalSaml(new ExternalSaml(metadata.entityId(), new SamlSettings(
                    metadata.ssoUrl(), metadata.signingCertificates(), true, null, descriptor),
                    UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED),
                    Actor.administratorCli(), SETUP);

            keepUpWithKeycloak(clock);
            try (Chromium chromium = Chromium.start("saml-keycloak-ada")) {
                chromium.open(gatehouse.baseUrl() + "/signin?next=/start/sessions");
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
                chromium.fill("username", "ada");
                chromium.fill("password", PASSWORD);
                chromium.screenshot("keycloak-login");
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start/sessions"));
                chromium.open(gatehouse.baseUrl() + "/start");
                assertThat(chromium.pageText()).contains("ada");
                chromium.screenshot("portal-sp-initiated");
            }
            assertThat(samlAuthentications(gatehouse, "ada")).singleElement().satisfies(event -> {
                assertThat(event.errorCode()).isNull();
                assertThat(event.requestParameters()).containsKey("authnContextClassRef");
            });

            keepUpWithKeycloak(clock);
            try (Chromium chromium = Chromium.start("saml-keycloak-idp-initiated")) {
                chromium.open(keycloak.issuer(REALM) + "/protocol/saml/clients/" + IDP_INITIATED_NAME);
                chromium.fill("username", "ada");
                chromium.fill("password", PASSWORD);
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
                assertThat(chromium.pageText()).contains("ada");
                chromium.screenshot("portal-idp-initiated");
            }

            keepUpWithKeycloak(clock);
            try (Chromium chromium = Chromium.start("saml-keycloak-alan")) {
                chromium.open(gatehouse.baseUrl() + "/signin");
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
                chromium.fill("username", "alan");
                chromium.fill("password", PASSWORD);
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.startsWith(gatehouse.baseUrl() + "/saml/acs"));
                assertThat(chromium.pageText()).contains("is disabled");
                chromium.screenshot("disabled-refused");
            }
            assertThat(samlAuthentications(gatehouse, "ada")).hasSize(2)
                    .allSatisfy(event -> assertThat(event.errorCode()).isNull());
            assertThat(samlAuthentications(gatehouse, "alan")).singleElement()
                    .satisfies(event -> assertThat(event.errorCode()).isNotNull());
        }
    }

    private static List<AuditEvent> samlAuthentications(RunningGatehouse gatehouse, String userName) {
        return gatehouse.services().core().auditQueries().find(new AuditQuery(null, "UserAuthentication", null,
                        null, 1000)).stream()
                .filter(e -> "EXTERNAL_SAML".equals(e.requestParameters().get("credentialType")))
                .filter(e -> userName.equals(e.userName()))
                .toList();
    }

    /**
     * Keycloak stamps its assertions with the real time; Gatehouse's clock is stepped to it before each sign-in, so
     * NotBefore and NotOnOrAfter are judged as they would be on one machine.
     */
    private static void keepUpWithKeycloak(MutableClock clock) {
        Duration behind = Duration.between(clock.instant(), Instant.now());
        if (!behind.isNegative()) {
            clock.advance(behind);
        }
    }
}
