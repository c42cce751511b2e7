package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.IniSection;
import dev.gatehouse.cli.config.SectionHeader;
import java.util.Map;
import java.util.Optional;

/**
 * Turns profile and session names into the settings they stand for, with the errors of DESIGN.md's CLI
 * (unknown profile, profile without SSO settings) when they do not.
 */
public final class Profiles {

    private final AwsConfig config;

    public Profiles(AwsConfig config) {
        this.config = config;
    }

    public AwsConfig config() {
        return config;
    }

    /** The profile's section; an unknown profile is an error, one known only from the credentials file is empty. */
    public IniSection section(String profile) {
        if (!config.hasProfile(profile)) {
            throw CliException.unknownProfile(profile);
        }
        return config.profile(profile).orElse(new IniSection(SectionHeader.profile(profile), Map.of()));
    }

    /** The profile with its role and session; fails when it names no role or its session is incomplete. */
    public SsoProfile ssoProfile(String profile) {
        IniSection section = section(profile);
        Optional<String> accountId = section.value("sso_account_id");
        Optional<String> roleName = section.value("sso_role_name");
        if (accountId.isEmpty() || roleName.isEmpty()) {
            throw CliException.notConfiguredForSso(profile);
        }
        return new SsoProfile(profile, sessionOf(profile, section), accountId.get(), roleName.get(), section);
    }

    /** The session a profile logs in with: its {@code sso_session}, or its own legacy start URL and region. */
    public SsoSession sessionOfProfile(String profile) {
        return sessionOf(profile, section(profile));
    }

    public SsoSession session(String name) {
        IniSection section = config.ssoSession(name).orElseThrow(() -> new CliException(
                ExitCode.NOT_CONFIGURED_FOR_SSO, "the sso-session '" + name + "' does not exist in "
                + config.file() + ". Run: gatehouse configure sso --sso-session " + name));
        String startUrl = section.value("sso_start_url").orElse(null);
        String region = section.value("sso_region").orElse(null);
        if (startUrl == null || region == null) {
            throw new CliException(ExitCode.NOT_CONFIGURED_FOR_SSO, "the sso-session '" + name
                    + "' lacks sso_start_url or sso_region. Run: gatehouse configure sso --sso-session " + name);
        }
        return new SsoSession(name, startUrl, region,
                SsoSession.parseScopes(section.value("sso_registration_scopes").orElse(null)));
    }

    private SsoSession sessionOf(String profile, IniSection section) {
        Optional<String> sessionName = section.value("sso_session");
        if (sessionName.isPresent()) {
            return session(sessionName.get());
        }
        Optional<String> startUrl = section.value("sso_start_url");
        Optional<String> region = section.value("sso_region");
        if (startUrl.isEmpty() || region.isEmpty()) {
            throw CliException.notConfiguredForSso(profile);
        }
        return new SsoSession(null, startUrl.get(), region.get(), null);
    }
}
