package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse.Person;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak as the external OIDC identity source, through its own login page in Chromium: a user provisioned in
 * Gatehouse beforehand (SCIM mode) lands on the portal signed in; one disabled in Gatehouse is refused at the
 * callback although Keycloak signed them in.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class OidcSignInThroughKeycloakTest {

    @TempDir
    Path dataDir;

    @Test
    void provisionedUserSignsInThroughKeycloakAndADisabledOneIsRefused() {
        try (KeycloakSourcedGatehouse gatehouse = KeycloakSourcedGatehouse.start(dataDir, "gatehouse-oidc-signin")) {
            Person ada = gatehouse.provision("ada");
            Person alan = gatehouse.provision("alan");
            gatehouse.core().identityStore().setStatus("alan", UserStatus.DISABLED, Actor.administratorCli(),
                    RequestContext.commandLine("oidc-keycloak-test"));

            try (Chromium chromium = Chromium.start("oidc-keycloak-ada")) {
                chromium.open(gatehouse.baseUrl() + "/signin?next=/start");
                gatehouse.signInAtKeycloak(chromium, ada);
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
                assertThat(chromium.pageText()).contains("ada");
                chromium.screenshot("portal");
            }

            try (Chromium chromium = Chromium.start("oidc-keycloak-alan")) {
                chromium.open(gatehouse.baseUrl() + "/signin");
                gatehouse.signInAtKeycloak(chromium, alan);
                chromium.awaitUrl(url -> url.startsWith(gatehouse.baseUrl() + "/signin/oidc/callback"));
                assertThat(chromium.pageText()).contains("is disabled");
                chromium.screenshot("disabled-refused");
            }
        }
    }
}
