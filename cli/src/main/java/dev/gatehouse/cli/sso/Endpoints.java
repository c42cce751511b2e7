package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.IniSection;
import java.net.URI;
import java.util.Optional;

/**
 * Where a service is reached, resolved in the order the AWS SDKs use, so {@code gatehouse} and the AWS tools
 * reading the same files and variables call the same server: {@code AWS_ENDPOINT_URL_<SERVICE>}, then
 * {@code AWS_ENDPOINT_URL}, then the profile's {@code services} section, then the profile's {@code
 * endpoint_url}. Empty means the SDK's own endpoint for the region (AWS itself).
 */
public final class Endpoints {

    private final CliEnvironment environment;
    private final AwsConfig config;

    public Endpoints(CliEnvironment environment, AwsConfig config) {
        this.environment = environment;
        this.config = config;
    }

    /** @param profile the profile's section, or empty when no profile applies */
    public Optional<URI> resolve(ServiceId service, Optional<IniSection> profile) {
        if (environment.variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").filter("true"::equalsIgnoreCase)
                .isPresent()) {
            return Optional.empty();
        }
        return environment.variable(service.variable())
                .or(() -> environment.variable("AWS_ENDPOINT_URL"))
                .or(() -> profile.flatMap(p -> fromServicesSection(service, p)))
                .or(() -> profile.flatMap(p -> p.value("endpoint_url")))
                .map(URI::create);
    }

    private Optional<String> fromServicesSection(ServiceId service, IniSection profile) {
        return profile.value("services").flatMap(config::services)
                .map(services -> services.nested(service.configKey()).get("endpoint_url"))
                .filter(url -> !url.isBlank());
    }
}
