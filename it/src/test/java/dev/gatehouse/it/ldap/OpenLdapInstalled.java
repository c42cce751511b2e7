package dev.gatehouse.it.ldap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the OpenLDAP tests where Debian's {@code slapd} is installed ({@code .ci/run} installs it). In CI (the
 * variable {@code CI} set) a missing slapd is a failure; elsewhere the tests are skipped with a message naming it.
 */
public final class OpenLdapInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (OpenLdapServer.installed()) {
            return ConditionEvaluationResult.enabled("slapd is installed at " + OpenLdapServer.SLAPD);
        }
        String missing = "OpenLDAP's slapd (Debian package slapd) is not installed at " + OpenLdapServer.SLAPD;
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + ", but CI is set: .ci/run installs it");
        }
        return ConditionEvaluationResult.disabled(missing + ": skipping the OpenLDAP tests");
    }
}
