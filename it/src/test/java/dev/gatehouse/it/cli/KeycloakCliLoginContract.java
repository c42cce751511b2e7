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
 * What {@code gatehouse sso login} (PKCE) through Keycloak must do whichever protocol Keycloak speaks to Gatehouse:
 * Chromium signs in on Keycloak's own login page, {@code gatehouse sts get-caller-identity} works, and each way the
 * company takes access away ends what that login holds on the very next call — SCIM {@code active: false}, SCIM
 * DELETE, and the user disabled and signed out in Keycloak (back-channel logout). One person per case, each with
 * their own home and token cache. Subclasses say how Gatehouse is connected to Keycloak.
 */
@ExtendWith({KeycloakInstalled.class, ChromiumInstalled.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class KeycloakCliLoginContract {

    private KeycloakSourcedGatehouse gatehouse;

    /** A Gatehouse whose identity source is the shared Keycloak, in a realm of its own. */
    abstract KeycloakSourcedGatehouse startGatehouse(Path dataDir);

    /** Keeps the people of one subclass apart from the other's in the shared Keycloak. */
    abstract String personPrefix();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        gatehouse = startGatehouse(dataDir);
    }

    @AfterAll
    void stop() {
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    void scimDeactivationEndsWhatTheKeycloakLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision(personPrefix() + "scim-inactive");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        HttpResponse<String> patched = gatehouse.scim("PATCH", "/Users/" + person.userId(), Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))));
        assertThat(patched.statusCode()).as("SCIM PATCH: %s", patched.body()).isEqualTo(200);

        assertCutOff(gatehouse, loggedIn);
    }

    @Test
    void scimDeletionEndsWhatTheKeycloakLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision(personPrefix() + "scim-deleted");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        HttpResponse<String> deleted = gatehouse.scim("DELETE", "/Users/" + person.userId(), null);
        assertThat(deleted.statusCode()).as("SCIM DELETE: %s", deleted.body()).isEqualTo(204);

        assertCutOff(gatehouse, loggedIn);
    }

    @Test
    void keycloakDisablingAndSigningOutEndsWhatTheKeycloakLoginHolds(@TempDir Path home) throws Exception {
        Person person = gatehouse.provision(personPrefix() + "keycloak-disabled");
        LoggedIn loggedIn = logInThroughKeycloak(gatehouse, person, home);

        gatehouse.realm().disableUser(person.keycloakId());
        gatehouse.realm().signOutUser(person.keycloakId());

        assertThat(gatehouse.core().sessions().activeSessionsOf(person.userId()))
                .as("Keycloak's back-channel logout ends every session before its admin call returns").isEmpty();
        assertCutOff(gatehouse, loggedIn);
    }
}
