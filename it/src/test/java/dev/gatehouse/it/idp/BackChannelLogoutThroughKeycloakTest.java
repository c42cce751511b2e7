package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.server.idp.BackChannelLogoutApi;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Keycloak ends a person's sessions (disabled there and signed out by its administrator): Keycloak posts a
 * back-channel logout token to Gatehouse, which ends that person's Gatehouse sessions before Keycloak's admin call
 * returns — no waiting for tokens to expire.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class BackChannelLogoutThroughKeycloakTest {

    private static final String REALM = "gatehouse-backchannel";
    private static final String PASSWORD = "Idp-Passw0rd-for-logout";
    private static final RequestContext SETUP = RequestContext.commandLine("backchannel-keycloak-test");

    @TempDir
    Path dataDir;

    @Test
    void keycloakSigningTheUserOutEndsTheirGatehouseSessionsAtOnce() {
        KeycloakServer keycloak = KeycloakServer.shared();
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            String publicUrl = gatehouse.services().config().http().publicUrl();
            KeycloakAdmin.Realm realm = keycloak.admin().createRealm(REALM);
            String secret = realm.createOidcClient("gatehouse", List.of(publicUrl + "/signin/oidc/callback"),
                    publicUrl + BackChannelLogoutApi.PATH);
            String linId = realm.createUser("lin", "lin@example.com", "Lin", "Chen", PASSWORD);
            CoreServices core = gatehouse.services().core();
            String userId = core.identityStore().createUser(new NewUser("lin", null, "Lin", "Chen",
                    "lin@example.com", false), Actor.administratorCli(), SETUP).userId();
            core.identitySources().setExternalOidc(keycloak.issuer(REALM).toString(), "gatehouse", secret,
                    UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, Actor.administratorCli(), SETUP);

            try (Chromium chromium = Chromium.start("backchannel-lin")) {
                chromium.open(gatehouse.baseUrl() + "/signin?next=/start");
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
                chromium.fill("username", "lin");
                chromium.fill("password", PASSWORD);
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
                assertThat(core.sessions().activeSessionsOf(userId)).hasSize(1);

                realm.disableUser(linId);
                int afterDisable = core.sessions().activeSessionsOf(userId).size();
                realm.signOutUser(linId);

                assertThat(core.sessions().activeSessionsOf(userId)).as("after disable: %d", afterDisable)
                        .isEmpty();
                chromium.open(gatehouse.baseUrl() + "/start");
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
            }
        }
    }
}
