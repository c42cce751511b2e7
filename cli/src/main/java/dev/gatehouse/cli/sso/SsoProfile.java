package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.cache.CacheKeys;
import dev.gatehouse.cli.config.IniSection;

/**
 * A profile that gets its credentials through SSO: a role in an account, reached through a session.
 *
 * @param settings the profile's section, for its other settings (region, output, services)
 */
public record SsoProfile(String name, SsoSession session, String accountId, String roleName, IniSection settings) {

    public String roleCredentialsKey() {
        return CacheKeys.roleCredentials(accountId, roleName, session.name(), session.startUrl());
    }

    /** What to run when its session needs a new login. */
    public String loginCommand() {
        return session.name() != null ? "gatehouse sso login --sso-session " + session.name()
                : "gatehouse sso login --profile " + name;
    }
}
