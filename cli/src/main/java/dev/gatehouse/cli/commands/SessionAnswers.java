package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.IniSection;
import dev.gatehouse.cli.sso.SsoSession;
import java.util.Optional;

/**
 * The first questions of {@code configure sso}: which SSO session, and for a new one its start URL, region and
 * scopes. An existing session is reused as configured (flags may change its URL and region); an empty session
 * name configures a legacy profile, as the AWS CLI allows.
 */
final class SessionAnswers {

    private final CommandContext context;
    private final Prompter prompter;
    private final boolean prompting;
    private boolean newSession;
    private boolean writesSession;

    SessionAnswers(CommandContext context, Prompter prompter, boolean prompting) {
        this.context = context;
        this.prompter = prompter;
        this.prompting = prompting;
    }

    /** Whether the session did not exist before: its first login must not reuse any cached token. */
    boolean isNewSession() {
        return newSession;
    }

    /** Whether the {@code [sso-session]} section is to be written (new, or changed by flags). */
    boolean writesSession() {
        return writesSession;
    }

    SsoSession session(String nameFlag, String startUrlFlag, String regionFlag, String scopesFlag,
                       Optional<IniSection> existingProfile) {
        AwsConfig config = context.config();
        String current = existingProfile.flatMap(p -> p.value("sso_session")).orElse(null);
        String name = nameFlag != null ? nameFlag : prompter.ask(
                current == null ? "SSO session name (Recommended): " : "SSO session name [" + current + "]: ",
                current, value -> true, null);
        if (name == null || name.isBlank()) {
            context.environment().out().println("WARNING: Configuring using legacy format (e.g. without an SSO"
                    + " session).\nConsider re-running \"configure sso\" command and providing a session name.");
            newSession = true;
            return new SsoSession(null, startUrl(startUrlFlag, existingProfile.flatMap(p -> p.value("sso_start_url"))),
                    region(regionFlag, existingProfile.flatMap(p -> p.value("sso_region"))), null);
        }
        Optional<IniSection> existing = config.ssoSession(name);
        if (existing.isPresent() && startUrlFlag == null && regionFlag == null && scopesFlag == null) {
            return context.profiles().session(name);
        }
        newSession = existing.isEmpty();
        writesSession = true;
        String url = startUrlFlag != null ? startUrlFlag
                : existing.isPresent() && !prompting ? existing.get().value("sso_start_url").orElse(null)
                : startUrl(null, existing.flatMap(s -> s.value("sso_start_url")));
        String region = regionFlag != null ? regionFlag
                : existing.isPresent() && !prompting ? existing.get().value("sso_region").orElse(null)
                : region(null, existing.flatMap(s -> s.value("sso_region")));
        String rawScopes = scopesFlag != null ? scopesFlag
                : existing.flatMap(s -> s.value("sso_registration_scopes")).orElseGet(() -> prompting
                ? prompter.ask("SSO registration scopes [" + SsoSession.DEFAULT_SCOPE + "]: ", SsoSession.DEFAULT_SCOPE,
                        SessionAnswers::validScopes, "Scope values must be separated by commas")
                : SsoSession.DEFAULT_SCOPE);
        if (url == null || region == null) {
            throw CliException.usage("a new SSO session needs --start-url and --region");
        }
        ConfigureSsoCommand.parseUrl(url, "the start URL");
        return new SsoSession(name, url, region, SsoSession.parseScopes(rawScopes));
    }

    private String startUrl(String flag, Optional<String> current) {
        if (flag != null) {
            return flag;
        }
        if (!prompting) {
            return current.orElseThrow(() -> CliException.usage("a new SSO session needs --start-url"));
        }
        return prompter.ask("SSO start URL [" + current.orElse("None") + "]: ", current.orElse(null),
                SessionAnswers::validUrl, "Not a valid Start URL");
    }

    private String region(String flag, Optional<String> current) {
        if (flag != null) {
            return flag;
        }
        if (!prompting) {
            return current.orElseThrow(() -> CliException.usage("a new SSO session needs --region"));
        }
        return prompter.ask("SSO region [" + current.orElse("None") + "]: ", current.orElse(null),
                value -> !value.isBlank(), "A value is required");
    }

    private static boolean validUrl(String value) {
        try {
            ConfigureSsoCommand.parseUrl(value, "the start URL");
            return true;
        } catch (CliException e) {
            return false;
        }
    }

    /** As the AWS CLI checks: comma-separated, no whitespace inside a scope. */
    private static boolean validScopes(String value) {
        for (String scope : value.split(",")) {
            if (scope.strip().chars().anyMatch(Character::isWhitespace)) {
                return false;
            }
        }
        return true;
    }
}
