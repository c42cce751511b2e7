package dev.gatehouse.it.cli;

import dev.gatehouse.it.idp.KeycloakSourcedGatehouse;
import java.nio.file.Path;

/**
 * Acceptance B of the identity-provider issue for {@code gatehouse}, with Keycloak as the SAML 2.0 source: the login
 * goes through Gatehouse's AuthnRequest and the ACS, and Keycloak's back-channel logout is a signed LogoutRequest
 * posted to {@code /saml/slo}.
 */
class GatehouseCliLoginThroughKeycloakSamlTest extends KeycloakCliLoginContract {

    @Override
    KeycloakSourcedGatehouse startGatehouse(Path dataDir) {
        return KeycloakSourcedGatehouse.startSaml(dataDir, "gatehouse-cli-saml");
    }

    @Override
    String personPrefix() {
        return "saml-";
    }
}
