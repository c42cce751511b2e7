package dev.gatehouse.it.idp;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the identity-provider tests only where Maven has unpacked Keycloak into {@code it/target/keycloak} (it does in
 * every {@code mvn verify} unless {@code -Dkeycloak.skip}). In CI (the variable {@code CI} set) a missing Keycloak is
 * a failure; elsewhere (an IDE that skips Maven's resource phases, an offline machine) the tests are skipped with a
 * message naming Keycloak.
 */
public final class KeycloakInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var home = KeycloakServer.home();
        if (home.isPresent()) {
            return ConditionEvaluationResult.enabled("Keycloak is unpacked in " + home.get());
        }
        String missing = "Keycloak (org.keycloak:keycloak-quarkus-dist, unpacked by Maven into it/target/keycloak) "
                + "is not there";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + ", but CI is set: run the tests through Maven without "
                    + "-Dkeycloak.skip");
        }
        return ConditionEvaluationResult.disabled(missing + ": skipping the Keycloak tests");
    }
}
