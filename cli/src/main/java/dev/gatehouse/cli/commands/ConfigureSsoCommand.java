package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.IniSection;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoSession;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configure sso}: the AWS CLI's questions in its order (session name, start URL, SSO region, scopes; the
 * login; account and role, each skipped when there is only one; client region, output format, profile name),
 * then the same {@code [profile]} and {@code [sso-session]} sections, plus a {@code [services]} section so current
 * AWS tools reach the same server without environment variables.
 *
 * <p>Each flag answers its question. Naming the session with {@code --sso-session} makes the whole command
 * non-interactive: what no flag answers takes its default, and a choice that has none is an error.
 */
@Command(name = "sso", description = {"Create or update a profile that gets its credentials through SSO.",
        "Answers the questions from standard input, or from flags: with --sso-session nothing is asked."})
final class ConfigureSsoCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--sso-session", paramLabel = "NAME",
            description = "The SSO session to create or reuse; with it, nothing is asked.")
    String ssoSession;

    @Option(names = "--start-url", paramLabel = "URL", description = "The start URL of a new session.")
    String startUrl;

    @Option(names = "--scopes", paramLabel = "SCOPES",
            description = "Registration scopes of a new session, comma-separated (default: sso:account:access).")
    String scopes;

    @Option(names = "--account-id", paramLabel = "ID", description = "The account (needed when several are open).")
    String accountId;

    @Option(names = "--role-name", paramLabel = "NAME", description = "The role (needed when several are open).")
    String roleName;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "The Gatehouse server (default: the origin of a start URL that is not on AWS).")
    String endpointUrl;

    @Option(names = "--client-region", paramLabel = "REGION",
            description = "The profile's default region (without prompts: the SSO region).")
    String clientRegion;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "The profile's default output format.")
    String outputFormat;

    @Mixin
    LoginOptions login = new LoginOptions();

    ConfigureSsoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        login.check();
        boolean prompting = ssoSession == null;
        Prompter prompter = new Prompter(context.environment());
        PrintStream out = context.environment().out();
        AwsConfig config = context.config();
        Optional<String> chosenProfile = context.explicitProfile();
        Optional<IniSection> existingProfile = chosenProfile.flatMap(config::profile);

        SessionAnswers answers = new SessionAnswers(context, prompter, prompting);
        SsoSession session = answers.session(ssoSession, startUrl, context.options().region().orElse(null), scopes,
                existingProfile);
        Optional<URI> endpoint = explicitEndpoint(session);
        String loginCommand = session.name() != null ? "gatehouse sso login --sso-session " + session.name()
                : "gatehouse configure sso";
        AccountAndRole choice;
        try (SsoConnection connection = endpoint.isPresent() ? context.connectAt(session, endpoint, loginCommand)
                : context.connect(session, loginCommand)) {
            String accessToken = accessToken(connection, session, answers.isNewSession());
            choice = new AccountAndRoleChooser(connection, prompter, out, prompting)
                    .choose(accessToken, accountId, roleName);
        }

        String region = clientRegion != null ? clientRegion : prompting
                ? prompter.ask("CLI default client Region", existingProfile.flatMap(p -> p.value("region")).orElse(null))
                : existingProfile.flatMap(p -> p.value("region")).orElse(session.region());
        String output = outputFormat != null ? outputFormat : prompting
                ? prompter.ask("CLI default output format", existingProfile.flatMap(p -> p.value("output")).orElse(null))
                : existingProfile.flatMap(p -> p.value("output")).orElse(null);
        String defaultName = choice.configured() ? choice.roleName() + "-" + choice.accountId() : null;
        String profileName = chosenProfile.orElseGet(() -> prompting
                ? prompter.ask("CLI profile name [" + (defaultName == null ? "None" : defaultName) + "]: ", defaultName,
                        value -> !value.isBlank(), "A value is required")
                : defaultName);

        new SsoConfigWriter(context).write(profileName, session, answers.writesSession(), choice, region, output,
                endpoint);
        if (choice.configured()) {
            out.print("\nTo use this profile, specify the profile name using --profile, as shown:\n\n"
                    + "gatehouse sts get-caller-identity --profile " + profileName + "\n");
        } else {
            out.println("Successfully configured SSO for profile: " + profileName);
        }
        out.flush();
        return 0;
    }

    /**
     * The server to talk to when it is not the one the environment or an existing profile names: the flag, else
     * the origin of a start URL that is not AWS's own (Gatehouse serves every API at its origin).
     */
    private Optional<URI> explicitEndpoint(SsoSession session) {
        if (endpointUrl != null) {
            return Optional.of(parseUrl(endpointUrl, "--endpoint-url"));
        }
        boolean configured = context.environment().variable("AWS_ENDPOINT_URL_SSO_OIDC").isPresent()
                || context.environment().variable("AWS_ENDPOINT_URL").isPresent()
                || context.endpointProfileFor(session).flatMap(p -> p.value("services")).isPresent();
        if (configured) {
            return Optional.empty();
        }
        URI start = parseUrl(session.startUrl(), "the start URL");
        String host = start.getHost() == null ? "" : start.getHost();
        if (host.endsWith(".awsapps.com") || host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn")) {
            return Optional.empty();
        }
        return Optional.of(URI.create(start.getScheme() + "://" + start.getRawAuthority()));
    }

    private String accessToken(SsoConnection connection, SsoSession session, boolean newSession) {
        if (!newSession) {
            try {
                return connection.tokens().accessToken(session);
            } catch (CliException e) {
                if (e.exitCode() != ExitCode.SESSION_EXPIRED) {
                    throw e;
                }
            }
        }
        return login.logIn(context, connection, session).accessToken();
    }

    static URI parseUrl(String text, String what) {
        try {
            URI uri = URI.create(text.strip());
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(what + " '" + text + "' is not a valid http(s) URL");
        }
    }
}
