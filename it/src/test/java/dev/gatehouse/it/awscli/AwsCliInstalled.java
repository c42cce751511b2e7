package dev.gatehouse.it.awscli;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the tests only where the Debian AWS CLI is installed. In CI (the variable {@code CI} set) a missing CLI is
 * a failure, because {@code .ci/run} installs it; elsewhere the tests are skipped with a message naming the tool.
 */
final class AwsCliInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(AwsCli.EXECUTABLE)) {
            return ConditionEvaluationResult.enabled(AwsCli.EXECUTABLE + " is installed");
        }
        String missing = AwsCli.EXECUTABLE + " (the AWS CLI v2, Debian package awscli) is not installed";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + ", but CI is set: .ci/run must install it");
        }
        return ConditionEvaluationResult.disabled(missing + ": skipping the AWS CLI tests");
    }
}
