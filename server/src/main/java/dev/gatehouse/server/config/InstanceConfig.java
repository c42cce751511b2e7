package dev.gatehouse.server.config;

import java.util.List;

/**
 * What the instance reports about itself; the first start records it, later starts update it.
 *
 * @param region          the region name, e.g. us-east-1
 * @param startUrlAliases other start URLs accepted as this instance's, besides {@code <public-url>/start}
 */
public record InstanceConfig(String region, List<String> startUrlAliases) {

    public InstanceConfig {
        startUrlAliases = List.copyOf(startUrlAliases);
    }

    static InstanceConfig from(SettingValues values) {
        return new InstanceConfig(values.get(ConfigKeys.REGION), values.get(ConfigKeys.START_URL_ALIASES));
    }

    public InstanceConfig withStartUrlAliases(List<String> aliases) {
        return new InstanceConfig(region, aliases);
    }
}
