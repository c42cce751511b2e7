package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.cache.RoleCredentialsCache;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.AwsConfigFiles;
import dev.gatehouse.cli.config.IniSection;
import dev.gatehouse.cli.output.OutputFormat;
import dev.gatehouse.cli.output.Renderer;
import dev.gatehouse.cli.sso.Endpoints;
import dev.gatehouse.cli.sso.Profiles;
import dev.gatehouse.cli.sso.ServiceId;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoProfile;
import dev.gatehouse.cli.sso.SsoSession;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** What the commands of one run share: the environment, the global options, the config files and the caches. */
public final class CommandContext {

    private final CliEnvironment environment;
    private final GlobalOptions options;
    private AwsConfig config;

    public CommandContext(CliEnvironment environment, GlobalOptions options) {
        this.environment = environment;
        this.options = options;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public GlobalOptions options() {
        return options;
    }

    public AwsConfigFiles configFiles() {
        return new AwsConfigFiles(environment);
    }

    /** The config as it was when first asked for in this run. */
    public AwsConfig config() {
        if (config == null) {
            config = configFiles().load();
        }
        return config;
    }

    public Profiles profiles() {
        return new Profiles(config());
    }

    /** The profile in use: {@code --profile}, else {@code AWS_PROFILE}, else {@code AWS_DEFAULT_PROFILE}, else default. */
    public String profileName() {
        return explicitProfile().orElse("default");
    }

    /** The profile the person chose, by option or variable; empty when it would only be the default. */
    public Optional<String> explicitProfile() {
        return options.profile().or(() -> environment.variable("AWS_PROFILE"))
                .or(() -> environment.variable("AWS_DEFAULT_PROFILE"));
    }

    public SsoCache ssoCache() {
        return new SsoCache(environment.awsDirectory().resolve("sso").resolve("cache"));
    }

    public RoleCredentialsCache roleCredentialsCache() {
        return new RoleCredentialsCache(environment.awsDirectory().resolve("cli").resolve("cache"));
    }

    public Endpoints endpoints() {
        return new Endpoints(environment, config());
    }

    /** A connection for a profile's session, at the endpoints the profile resolves to. */
    public SsoConnection connect(SsoProfile profile) {
        return connect(profile.session(), Optional.of(profile.settings()), profile.loginCommand());
    }

    /** A connection for a session named on its own, at the endpoints of the profile that fits it best. */
    public SsoConnection connect(SsoSession session, String loginCommand) {
        return connect(session, endpointProfileFor(session), loginCommand);
    }

    private SsoConnection connect(SsoSession session, Optional<IniSection> endpointProfile, String loginCommand) {
        Endpoints endpoints = endpoints();
        return new SsoConnection(environment, ssoCache(), roleCredentialsCache(), session,
                endpoints.resolve(ServiceId.SSO_OIDC, endpointProfile), endpoints.resolve(ServiceId.SSO, endpointProfile),
                loginCommand);
    }

    /** A connection at one given endpoint for every service, as {@code configure sso --endpoint-url} asks. */
    public SsoConnection connectAt(SsoSession session, Optional<URI> endpoint, String loginCommand) {
        return new SsoConnection(environment, ssoCache(), roleCredentialsCache(), session, endpoint, endpoint,
                loginCommand);
    }

    /**
     * Whose endpoint settings apply to a session: the chosen profile if it exists, else the first profile using
     * the session, else the default profile.
     */
    public Optional<IniSection> endpointProfileFor(SsoSession session) {
        AwsConfig files = config();
        Optional<IniSection> chosen = explicitProfile().flatMap(files::profile);
        if (chosen.isPresent()) {
            return chosen;
        }
        if (session.name() != null) {
            Optional<IniSection> user = files.profilesOfSession(session.name()).stream().findFirst()
                    .flatMap(files::profile);
            if (user.isPresent()) {
                return user;
            }
        }
        return files.profile("default");
    }

    /** {@code --output}, else {@code AWS_DEFAULT_OUTPUT}, else the profile's {@code output}, else json. */
    public OutputFormat outputFormat(Optional<IniSection> profile) {
        try {
            return options.output()
                    .or(() -> environment.variable("AWS_DEFAULT_OUTPUT").map(OutputFormat::parse))
                    .or(() -> profile.flatMap(p -> p.value("output")).map(OutputFormat::parse))
                    .orElse(OutputFormat.JSON);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    public void print(OutputFormat format, String title, Map<String, ?> result) {
        environment.out().print(Renderer.render(format, title, result));
        environment.out().flush();
    }
}
