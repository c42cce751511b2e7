package dev.gatehouse.server.config;

import dev.gatehouse.server.logging.LogFormat;

/**
 * What an operator sets to run Gatehouse on a host (docs/operations.md).
 *
 * @param setupFromAnyAddress whether the first-start setup link works from any address, not only from loopback
 * @param metricsToken        the bearer token {@code /metrics} asks for, or null: then there are no metrics
 * @param logFormat           plain lines or JSON
 * @param logLevel            the lowest level logged: error, warn, info, debug or trace
 */
public record OperationsConfig(boolean setupFromAnyAddress, String metricsToken, LogFormat logFormat,
                               String logLevel) {

    static OperationsConfig from(SettingValues values) {
        return new OperationsConfig(values.get(ConfigKeys.SETUP_FROM_ANY_ADDRESS), values.get(ConfigKeys.METRICS_TOKEN),
                values.get(ConfigKeys.LOG_FORMAT), values.get(ConfigKeys.LOG_LEVEL));
    }

    public OperationsConfig withMetricsToken(String token) {
        return new OperationsConfig(setupFromAnyAddress, token, logFormat, logLevel);
    }

    @Override
    public String toString() {
        return "OperationsConfig[setupFromAnyAddress=" + setupFromAnyAddress + ", metricsToken="
                + (metricsToken == null ? "none" : "***") + ", logFormat=" + logFormat + ", logLevel=" + logLevel + "]";
    }
}
