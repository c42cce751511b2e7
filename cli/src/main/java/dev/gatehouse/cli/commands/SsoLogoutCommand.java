package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.cache.CacheKeys;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.IniSection;
import dev.gatehouse.cli.sso.SdkClients;
import dev.gatehouse.cli.sso.ServiceId;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * Ends sessions on the server (Logout) and deletes their cached tokens and the role credentials obtained with
 * them. Without {@code --sso-session} it ends every cached session, as {@code aws sso logout} does.
 */
@Command(name = "logout", description = "Log out of one SSO session, or of all of them when none is named.")
final class SsoLogoutCommand implements Callable<Integer> {

    private static final String FALLBACK_REGION = "us-east-1";

    private final CommandContext context;

    @Option(names = "--sso-session", paramLabel = "NAME", description = "Log out of this session only.")
    String ssoSession;

    SsoLogoutCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SsoCache cache = context.ssoCache();
        if (ssoSession != null) {
            String key = CacheKeys.token(ssoSession, null);
            cache.token(key).ifPresent(token -> logOut(key, token));
            forgetRoleCredentialsOf(ssoSession);
        } else {
            cache.tokens().forEach(cached -> logOut(cached.key(), cached.token()));
            context.roleCredentialsCache().deleteAllSso();
        }
        return 0;
    }

    /** Tells the server, best effort, then deletes the token whatever it answered. */
    private void logOut(String key, SsoToken token) {
        Optional<IniSection> profile = profileFor(key);
        Optional<URI> endpoint = context.endpoints().resolve(ServiceId.SSO, profile);
        String region = token.region() != null ? token.region() : FALLBACK_REGION;
        try (SsoClient portal = SdkClients.portal(endpoint, region)) {
            portal.logout(r -> r.accessToken(token.accessToken()));
        } catch (SdkException e) {
            if (!(e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException)) {
                // Refused tokens are already logged out; an unreachable server is worth a word.
                context.environment().err().println("Warning: could not tell the server at "
                        + endpoint.map(URI::toString).orElse("the AWS endpoint") + " about the logout ("
                        + e.getMessage() + "); the cached token is deleted.");
            }
        }
        context.ssoCache().delete(key);
    }

    /** The profile whose endpoints reach the server of a cached token, found by the token's cache key. */
    private Optional<IniSection> profileFor(String key) {
        AwsConfig config = context.config();
        for (String profileName : config.profileNames()) {
            Optional<IniSection> profile = config.profile(profileName);
            Optional<String> sessionName = profile.flatMap(p -> p.value("sso_session"));
            Optional<String> startUrl = profile.flatMap(p -> p.value("sso_start_url"));
            String profileKey = sessionName.map(name -> CacheKeys.token(name, null))
                    .or(() -> startUrl.map(url -> CacheKeys.token(null, url))).orElse(null);
            if (key.equals(profileKey)) {
                return context.explicitProfile().flatMap(config::profile).or(() -> profile);
            }
        }
        return context.explicitProfile().flatMap(config::profile).or(() -> config.profile("default"));
    }

    private void forgetRoleCredentialsOf(String sessionName) {
        AwsConfig config = context.config();
        for (String profileName : config.profilesOfSession(sessionName)) {
            config.profile(profileName).ifPresent(profile -> {
                Optional<String> account = profile.value("sso_account_id");
                Optional<String> role = profile.value("sso_role_name");
                if (account.isPresent() && role.isPresent()) {
                    context.roleCredentialsCache().delete(
                            CacheKeys.roleCredentials(account.get(), role.get(), sessionName, null));
                }
            });
        }
    }
}
