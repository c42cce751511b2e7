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
 * Acceptance A of the identity-provider issue for {@code gatehouse}: {@code gatehouse sso login} (PKCE) completes
 * with Chromium signing in on Keycloak's own login page, and {@code gatehouse sts get-caller-identity} works. Then
 * each way the company takes access away ends what that login holds at once, on the very next call: SCIM
 * {@code active: false}, SCIM DELETE, and the user disabled and signed out in Keycloak (back-channel logout). One
 * person per case, each with their own home and token cache.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GatehouseCliLoginThroughKeycloakTest {

    private KeycloakSourcedGatehouse gatehouse;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        gatehouse = KeycloakSourcedGatehouse.start(dataDir, "gatehouse-cli");
    }

    @AfterAll
    void stop() {
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    void scimDeactivationEndsWhatTheKeycloakLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision("scim-inactive");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        HttpResponse<String> patched = gatehouse.scim("PATCH", "/Users/" + person.userId(), Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))));
        assertThat(patched.statusCode()).as("SCIM PATCH: %s", patched.body()).isEqualTo(200);

        assertCutOff(gatehouse, loggedIn);
    }

    @Test
    void scimDeletionEndsWhatTheKeycloakLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision("scim-deleted");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        HttpResponse<String> deleted = gatehouse.scim("DELETE", "/Users/" + person.userId(), null);
        assertThat(deleted.statusCode()).as("SCIM DELETE: %s", deleted.body()).isEqualTo(204);

        assertCutOff(gatehouse, loggedIn);
    }

    @Test
    void keycloakDisablingAndSigningOutEndsWhatTheKeycloakLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision("keycloak-disabled");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        gatehouse.realm().disableUser(person.keycloakId());
        gatehouse.realm().signOutUser(person.keycloakId());

        assertThat(gatehouse.core().sessions().activeSessionsOf(person.userId()))
                .as("Keycloak's back-channel logout ends every session before its admin call returns").isEmpty();
        assertCutOff(gatehouse, loggedIn);
    }
}
