package dev.gatehouse.it.cli;

import dev.gatehouse.it.idp.KeycloakSourcedGatehouse;
import java.nio.file.Path;

/**
 * Acceptance A of the identity-provider issue for {@code gatehouse}, with Keycloak as the OpenID Connect source
 * (back-channel logout: a signed logout token).
 */
class GatehouseCliLoginThroughKeycloakTest extends KeycloakCliLoginContract {

    @Override
    KeycloakSourcedGatehouse startGatehouse(Path dataDir) {
        return KeycloakSourcedGatehouse.start(dataDir, "gatehouse-cli");
    }

    @Override
    String personPrefix() {
        return "";
    }
}
