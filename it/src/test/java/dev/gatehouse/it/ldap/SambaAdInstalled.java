package dev.gatehouse.it.ldap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the Active Directory tests where Debian's {@code samba} is installed ({@code .ci/run} installs it) and the
 * test runs as root, which a Samba domain controller needs. In CI (the variable {@code CI} set) either missing is a
 * failure; elsewhere the tests are skipped with a message naming what is missing.
 */
public final class SambaAdInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = SambaAdServer.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("samba is installed at " + SambaAdServer.SAMBA);
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + ", but CI is set: .ci/run installs samba and runs as root");
        }
        return ConditionEvaluationResult.disabled(missing + ": skipping the Samba AD tests");
    }
}
