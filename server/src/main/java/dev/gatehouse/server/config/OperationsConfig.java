package dev.gatehouse.server.config;

/**
 * What an operator sets to run Gatehouse on a host (docs/operations.md).
 *
 * @param setupFromAnyAddress whether the first-start setup link works from any address, not only from loopback
 * @param metricsToken        the bearer token {@code /metrics} asks for, or null: then there are no metrics
 */
public record OperationsConfig(boolean setupFromAnyAddress, String metricsToken) {

    static OperationsConfig from(SettingValues values) {
        return new OperationsConfig(values.get(ConfigKeys.SETUP_FROM_ANY_ADDRESS), values.get(ConfigKeys.METRICS_TOKEN));
    }

    public OperationsConfig withMetricsToken(String token) {
        return new OperationsConfig(setupFromAnyAddress, token);
    }

    @Override
    public String toString() {
        return "OperationsConfig[setupFromAnyAddress=" + setupFromAnyAddress + ", metricsToken="
                + (metricsToken == null ? "none" : "***") + "]";
    }
}
