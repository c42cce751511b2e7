package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.cache.RoleCredentials;
import dev.gatehouse.cli.cache.RoleCredentialsCache;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * A profile's role credentials: the cached ones while they have 15 minutes left, else new ones from
 * GetRoleCredentials. A token the portal refuses is replaced once (see {@link SessionTokens#afterRejection}).
 */
public final class RoleCredentialsSource {

    private final RoleCredentialsCache cache;
    private final SessionTokens tokens;
    private final SsoClient portal;
    private final Optional<URI> endpoint;
    private final Clock clock;

    public RoleCredentialsSource(RoleCredentialsCache cache, SessionTokens tokens, SsoClient portal,
                                 Optional<URI> endpoint, Clock clock) {
        this.cache = cache;
        this.tokens = tokens;
        this.portal = portal;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public RoleCredentials credentials(SsoProfile profile) {
        Optional<RoleCredentials> cached = cache.read(profile.roleCredentialsKey());
        if (cached.isPresent() && cached.get().fresh(clock.instant())) {
            return cached.get();
        }
        String token = tokens.accessToken(profile.session());
        RoleCredentials fresh = fetch(profile, token)
                .or(() -> fetch(profile, tokens.afterRejection(profile.session(), token)))
                .orElseThrow(() -> CliException.sessionExpired(profile.session().label(), profile.loginCommand()));
        cache.save(profile.roleCredentialsKey(), fresh);
        return fresh;
    }

    /** Empty when the portal refuses the token itself (Unauthorized), so the caller can try another. */
    private Optional<RoleCredentials> fetch(SsoProfile profile, String accessToken) {
        return ServerCalls.call("GetRoleCredentials", endpoint, () -> {
            try {
                var credentials = portal.getRoleCredentials(r -> r.accessToken(accessToken)
                        .accountId(profile.accountId()).roleName(profile.roleName())).roleCredentials();
                return Optional.of(new RoleCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken(), Instant.ofEpochMilli(credentials.expiration())));
            } catch (UnauthorizedException refused) {
                return Optional.empty();
            } catch (ResourceNotFoundException e) {
                throw new CliException(ExitCode.ROLE_ACCESS_DENIED, "access denied to the role '"
                        + profile.roleName() + "' in account " + profile.accountId() + " (profile '"
                        + profile.name() + "'): " + e.awsErrorDetails().errorMessage(), e);
            }
        });
    }
}
