package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.cache.CacheKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a person logs in: an {@code [sso-session]} section, or the start URL and region of a legacy profile
 * that has none ({@code name} null). Its token is cached under {@link #tokenKey()}.
 *
 * @param scopes the registration scopes, null when the configuration names none (the AWS CLI hashes null)
 */
public record SsoSession(String name, String startUrl, String region, List<String> scopes) {

    public static final String DEFAULT_SCOPE = "sso:account:access";

    public String tokenKey() {
        return CacheKeys.token(name, startUrl);
    }

    /** The device-code registration's cache key, botocore's, so the AWS CLI and we share one client. */
    public String registrationKey() {
        return CacheKeys.registration(startUrl, region, scopes, name);
    }

    /** The browser (PKCE) registration's cache key: one of our own (see {@link CacheKeys}). */
    public String authorizationCodeRegistrationKey() {
        return CacheKeys.authorizationCodeRegistration(startUrl, region, scopes, name);
    }

    /** The scopes to register and authorize: the configured ones, else {@value #DEFAULT_SCOPE} as botocore. */
    public List<String> scopesOrDefault() {
        return scopes != null && !scopes.isEmpty() ? scopes : List.of(DEFAULT_SCOPE);
    }

    /** How messages name it: the session name, or the start URL of a legacy profile. */
    public String label() {
        return name != null ? name : startUrl;
    }

    /** {@code sso_registration_scopes} as the AWS CLI parses it: comma-separated, blanks dropped. */
    public static List<String> parseScopes(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : raw.split(",")) {
            if (!scope.isBlank()) {
                scopes.add(scope.strip());
            }
        }
        return scopes;
    }
}
