package dev.gatehouse.server.config;

/**
 * What an operator sets to run Gatehouse on a host (docs/operations.md).
 *
 * @param setupFromAnyAddress whether the first-start setup link works from any address, not only from loopback
 */
public record OperationsConfig(boolean setupFromAnyAddress) {

    static OperationsConfig from(SettingValues values) {
        return new OperationsConfig(values.get(ConfigKeys.SETUP_FROM_ANY_ADDRESS));
    }
}
