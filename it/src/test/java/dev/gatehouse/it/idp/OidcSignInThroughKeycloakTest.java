package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Keycloak as the external OIDC identity source, through its own login page in Chromium: a user provisioned in
 * Gatehouse beforehand (SCIM mode) lands on the portal signed in; one disabled in Gatehouse is refused at the
 * callback although Keycloak signed them in.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class OidcSignInThroughKeycloakTest {

    private static final String REALM = "gatehouse-oidc-signin";
    private static final String PASSWORD = "Idp-Passw0rd-for-tests";
    private static final RequestContext SETUP = RequestContext.commandLine("oidc-keycloak-test");

    @TempDir
    Path dataDir;

    @Test
    void provisionedUserSignsInThroughKeycloakAndADisabledOneIsRefused() {
        KeycloakServer keycloak = KeycloakServer.shared();
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            String publicUrl = gatehouse.services().config().http().publicUrl();
            KeycloakAdmin.Realm realm = keycloak.admin().createRealm(REALM);
            String secret = realm.createOidcClient("gatehouse", List.of(publicUrl + "/signin/oidc/callback"));
            realm.createUser("ada", "ada@example.com", "Ada", "Lovelace", PASSWORD);
            realm.createUser("alan", "alan@example.com", "Alan", "Turing", PASSWORD);

            var core = gatehouse.services().core();
            for (String name : List.of("ada", "alan")) {
                core.identityStore().createUser(new NewUser(name, null, name, "Tester", name + "@example.com",
                        false), Actor.administratorCli(), SETUP);
            }
            core.identityStore().setStatus("alan", UserStatus.DISABLED, Actor.administratorCli(), SETUP);
            core.identitySources().setExternalOidc(keycloak.issuer(REALM).toString(), "gatehouse", secret,
                    UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, Actor.administratorCli(), SETUP);

            try (Chromium chromium = Chromium.start("oidc-keycloak-ada")) {
                chromium.open(gatehouse.baseUrl() + "/signin?next=/start");
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
                chromium.fill("username", "ada");
                chromium.fill("password", PASSWORD);
                chromium.screenshot("keycloak-login");
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
                assertThat(chromium.pageText()).contains("ada");
                chromium.screenshot("portal");
            }

            try (Chromium chromium = Chromium.start("oidc-keycloak-alan")) {
                chromium.open(gatehouse.baseUrl() + "/signin");
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
                chromium.fill("username", "alan");
                chromium.fill("password", PASSWORD);
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.startsWith(gatehouse.baseUrl() + "/signin/oidc/callback"));
                assertThat(chromium.pageText()).contains("is disabled");
                chromium.screenshot("disabled-refused");
            }
        }
    }
}
