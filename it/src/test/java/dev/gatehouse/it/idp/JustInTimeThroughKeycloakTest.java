package dev.gatehouse.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalOidc;
import dev.gatehouse.core.identitysource.IdpMfa;
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
 * Acceptance D of the identity-provider issue: with just-in-time provisioning, the first sign-in through Keycloak's
 * own login page creates the Gatehouse user with the groups of Keycloak's {@code groups} claim, and after the
 * groups change in Keycloak the next sign-in changes the memberships in Gatehouse.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
class JustInTimeThroughKeycloakTest {

    private static final String REALM = "gatehouse-jit";
    private static final String PASSWORD = "Idp-Passw0rd-for-jit";
    private static final RequestContext SETUP = RequestContext.commandLine("jit-keycloak-test");

    @TempDir
    Path dataDir;

    @Test
    void firstSignInCreatesTheUserWithKeycloakGroupsAndTheNextFollowsAChange() {
        KeycloakServer keycloak = KeycloakServer.shared();
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            String publicUrl = gatehouse.services().config().http().publicUrl();
            KeycloakAdmin.Realm realm = keycloak.admin().createRealm(REALM);
            String secret = realm.createOidcClient("gatehouse", List.of(publicUrl + "/signin/oidc/callback"));
            String grace = realm.createUser("grace", "grace@example.com", "Grace", "Hopper", PASSWORD);
            String developers = realm.createGroup("developers", grace);
            String auditors = realm.createGroup("auditors");

            CoreServices core = gatehouse.services().core();
            core.identitySources().setExternalOidc(new ExternalOidc(keycloak.issuer(REALM).toString(), "gatehouse",
                    secret, UserClaim.PREFERRED_USERNAME, Provisioning.JIT, "groups", IdpMfa.NOT_REQUIRED),
                    Actor.administratorCli(), SETUP);

            signInThroughKeycloak(gatehouse, keycloak, "jit-first");

            var user = core.identityStore().user("grace");
            assertThat(user.email()).isEqualTo("grace@example.com");
            assertThat(user.displayName()).isEqualTo("Grace Hopper");
            assertThat(groupsOf(core)).containsExactly("developers");

            realm.removeFromGroup(grace, developers);
            realm.addToGroup(grace, auditors);
            signInThroughKeycloak(gatehouse, keycloak, "jit-second");

            assertThat(core.identityStore().user("grace").userId()).isEqualTo(user.userId());
            assertThat(groupsOf(core)).containsExactly("auditors");
        }
    }

    private static void signInThroughKeycloak(RunningGatehouse gatehouse, KeycloakServer keycloak, String name) {
        try (Chromium chromium = Chromium.start(name)) {
            chromium.open(gatehouse.baseUrl() + "/signin?next=/start");
            chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
            chromium.fill("username", "grace");
            chromium.fill("password", PASSWORD);
            chromium.click(By.id("kc-login"));
            chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + "/start"));
            assertThat(chromium.pageText()).contains("grace");
        }
    }

    private static List<String> groupsOf(CoreServices core) {
        return core.identityStore().groupsOf("grace").stream().map(Group::displayName).toList();
    }
}
