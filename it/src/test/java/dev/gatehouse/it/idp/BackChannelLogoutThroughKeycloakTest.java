package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse.Person;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak ends a person's sessions (disabled there and signed out by its administrator): Keycloak posts a
 * back-channel logout token to Gatehouse, which ends that person's Gatehouse sessions before Keycloak's admin call
 * returns — no waiting for tokens to expire.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class BackChannelLogoutThroughKeycloakTest {

    @TempDir
    Path dataDir;

    @Test
    void keycloakSigningTheUserOutEndsTheirGatehouseSessionsAtOnce() {
        try (KeycloakSourcedGatehouse gatehouse = KeycloakSourcedGatehouse.start(dataDir, "gatehouse-backchannel")) {
            Person lin = gatehouse.provision("lin");
            CoreServices core = gatehouse.core();

            try (Chromium chromium = Chromium.start("backchannel-lin")) {
                chromium.open(gatehouse.baseUrl() + "/signin?next=/start");
                gatehouse.signInAtKeycloak(chromium, lin);
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
                assertThat(core.sessions().activeSessionsOf(lin.userId())).hasSize(1);

                gatehouse.realm().disableUser(lin.keycloakId());
                int afterDisable = core.sessions().activeSessionsOf(lin.userId()).size();
                gatehouse.realm().signOutUser(lin.keycloakId());

                assertThat(core.sessions().activeSessionsOf(lin.userId())).as("after disable: %d", afterDisable)
                        .isEmpty();
                chromium.open(gatehouse.baseUrl() + "/start");
                chromium.awaitUrl(url -> url.startsWith(gatehouse.issuer().toString()));
            }
        }
    }
}
