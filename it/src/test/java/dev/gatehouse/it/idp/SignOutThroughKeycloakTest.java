package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.session.SessionOwner;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse.Person;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Signing out of the portal while Keycloak signs people in. Sent back to {@code /signin}, the browser would go
 * straight to Keycloak, whose own session is still open, and come back signed in: signing out would not stick. So
 * the person lands on a page saying they signed out, and signs in again only when they choose to (through
 * Keycloak). A form posted after the Gatehouse session ended is answered with a redirect to sign in, which goes on to
 * Keycloak: the page policy must let a form's redirects reach Keycloak's origin, or Chromium stops there.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class SignOutThroughKeycloakTest {

    @TempDir
    Path dataDir;

    @Test
    void signingOutLandsOnTheSignedOutPageAndSigningInAgainGoesThroughKeycloak() {
        try (KeycloakSourcedGatehouse gatehouse = KeycloakSourcedGatehouse.start(dataDir, "gatehouse-signout");
             Chromium chromium = Chromium.start("keycloak-signout")) {
            Person ada = gatehouse.provision("ada");
            chromium.open(gatehouse.baseUrl() + "/start");
            gatehouse.signInAtKeycloak(chromium, ada);
            chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
            assertThat(gatehouse.core().sessions().activeSessionsOf(ada.userId())).hasSize(1);

            chromium.press("Sign out");

            assertThat(chromium.currentUrl()).isEqualTo(gatehouse.baseUrl() + "/signedout");
            assertThat(chromium.pageText()).contains("You have signed out of Gatehouse");
            assertThat(gatehouse.core().sessions().activeSessionsOf(ada.userId())).isEmpty();
            chromium.screenshot("signed-out");

            chromium.click(By.linkText("Sign in again"));
            chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
            assertThat(chromium.pageText()).contains("Signed in as ada");
        }
    }

    @Test
    void aFormPostedAfterTheSessionEndedGoesOnThroughKeycloakAndBack() {
        try (KeycloakSourcedGatehouse gatehouse = KeycloakSourcedGatehouse.start(dataDir, "gatehouse-form-action");
             Chromium chromium = Chromium.start("keycloak-form-action")) {
            Person ada = gatehouse.provision("ada");
            chromium.open(gatehouse.baseUrl() + "/device");
            gatehouse.signInAtKeycloak(chromium, ada);
            chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/device"));
            gatehouse.core().sessions().revokeAll(new SessionOwner(ada.userId(), ada.userName()),
                    Actor.administratorCli(), RequestContext.commandLine("sign-out-test"));

            chromium.fill("user_code", "BCDF-GHJK");
            chromium.press("Continue");

            // The answer sends the browser to /signin and on to Keycloak, which the page policy must allow for a
            // form; Keycloak's own session is still open, so it comes straight back.
            chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/device?user_code=BCDF-GHJK"));
            assertThat(gatehouse.core().sessions().activeSessionsOf(ada.userId())).hasSize(1);
        }
    }
}
