package dev.gatehouse.it.cli;

import static dev.gatehouse.it.cli.KeycloakCliLogin.assertCutOff;
import static dev.gatehouse.it.cli.KeycloakCliLogin.logInThroughKeycloak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.cli.KeycloakCliLogin.LoggedIn;
import dev.gatehouse.it.idp.KeycloakInstalled;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse.Person;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance B of the identity-provider issue for {@code gatehouse}: the same as
 * {@link GatehouseCliLoginThroughKeycloakTest} with Keycloak as the SAML 2.0 source. {@code gatehouse sso login}
 * (PKCE) sends Chromium through Gatehouse's AuthnRequest to Keycloak's login page, Keycloak's signed assertion comes
 * back to the ACS and on to the consent page; {@code gatehouse sts get-caller-identity} works. Then SCIM
 * {@code active: false}, SCIM DELETE, and the user disabled and signed out in Keycloak (SAML back-channel logout, a
 * signed LogoutRequest posted to {@code /saml/slo}) each end what that login holds on the very next call.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GatehouseCliLoginThroughKeycloakSamlTest {

    private KeycloakSourcedGatehouse gatehouse;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        gatehouse = KeycloakSourcedGatehouse.startSaml(dataDir, "gatehouse-cli-saml");
    }

    @AfterAll
    void stop() {
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    void scimDeactivationEndsWhatTheSamlLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision("saml-scim-inactive");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        HttpResponse<String> patched = gatehouse.scim("PATCH", "/Users/" + person.userId(), Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))));
        assertThat(patched.statusCode()).as("SCIM PATCH: %s", patched.body()).isEqualTo(200);

        assertCutOff(gatehouse, loggedIn);
    }

    @Test
    void scimDeletionEndsWhatTheSamlLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision("saml-scim-deleted");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        HttpResponse<String> deleted = gatehouse.scim("DELETE", "/Users/" + person.userId(), null);
        assertThat(deleted.statusCode()).as("SCIM DELETE: %s", deleted.body()).isEqualTo(204);

        assertCutOff(gatehouse, loggedIn);
    }

    @Test
    void keycloakDisablingAndSigningOutEndsWhatTheSamlLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision("saml-keycloak-disabled");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        gatehouse.realm().disableUser(person.keycloakId());
        gatehouse.realm().signOutUser(person.keycloakId());

        assertThat(gatehouse.core().sessions().activeSessionsOf(person.userId()))
                .as("Keycloak's SAML back-channel logout ends every session before its admin call returns").isEmpty();
        assertCutOff(gatehouse, loggedIn);
    }
}
