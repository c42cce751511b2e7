package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.output.OutputFormat;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after its name, as with the AWS CLI. One instance per run: the
 * command factory hands the same object to every command.
 */
public final class GlobalOptions {

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Use this profile (default: $AWS_PROFILE, else 'default').")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "The region to call (configure sso: the SSO region).")
    String region;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: json, text, table or yaml.")
    String output;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and the AWS SDK's debug log on standard error.")
    boolean debug;

    public Optional<String> profile() {
        return Optional.ofNullable(profile).filter(p -> !p.isBlank());
    }

    public Optional<String> region() {
        return Optional.ofNullable(region).filter(r -> !r.isBlank());
    }

    public Optional<OutputFormat> output() {
        return Optional.ofNullable(output).filter(o -> !o.isBlank()).map(OutputFormat::parse);
    }

    public boolean debug() {
        return debug;
    }
}
