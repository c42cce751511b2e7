package dev.gatehouse.it.browser;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed. In CI (the variable {@code CI}
 * set) a missing one is a failure, because {@code .ci/run} installs both; elsewhere the tests are skipped with a
 * message naming the tools.
 */
public final class ChromiumInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(Chromium.BINARY) && Files.isExecutable(Chromium.DRIVER)) {
            return ConditionEvaluationResult.enabled(Chromium.BINARY + " and " + Chromium.DRIVER + " are installed");
        }
        String missing = Chromium.BINARY + " or " + Chromium.DRIVER
                + " (Debian packages chromium and chromium-driver) is not installed";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + ", but CI is set: .ci/run must install them");
        }
        return ConditionEvaluationResult.disabled(missing + ": skipping the browser tests");
    }
}
