package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;

/**
 * A usable access token for a session, from the shared cache, refreshed when less than 15 minutes remain or
 * when the server refused it. Every refresh happens under the token file's lock and starts by reading the
 * file again: when another process has refreshed meanwhile, its token is used and the (now spent) refresh
 * token is not sent a second time.
 */
public final class SessionTokens {

    private static final String REFRESH_GRANT = "refresh_token";

    private final SsoCache cache;
    private final Clock clock;
    private final SsoOidcClient oidc;
    private final Optional<URI> endpoint;
    private final String loginCommand;

    /** @param loginCommand what to tell the person to run when no refresh helps */
    public SessionTokens(SsoCache cache, Clock clock, SsoOidcClient oidc, Optional<URI> endpoint,
                         String loginCommand) {
        this.cache = cache;
        this.clock = clock;
        this.oidc = oidc;
        this.endpoint = endpoint;
        this.loginCommand = loginCommand;
    }

    /** The cached token when it has 15 minutes left, else a refreshed one; an expired session is an error. */
    public String accessToken(SsoSession session) {
        SsoToken cached = cached(session);
        if (!cached.needsRefresh(clock.instant())) {
            return cached.accessToken();
        }
        return cache.lockedToken(session.tokenKey(), () -> {
            SsoToken current = cached(session);
            if (!current.needsRefresh(clock.instant())) {
                return current.accessToken();
            }
            Optional<SsoToken> refreshed = refresh(session, current);
            if (refreshed.isPresent()) {
                return refreshed.get().accessToken();
            }
            // Like the AWS CLI: a failed early refresh keeps the old token while it lasts.
            if (!current.expired(clock.instant())) {
                return current.accessToken();
            }
            throw CliException.sessionExpired(session.label(), loginCommand);
        });
    }

    /**
     * A token to retry with after the server refused {@code rejected} (its clock, a logout elsewhere, or a
     * revocation can make a token the cache thinks valid useless): whatever another process stored since, else
     * a refresh; else the session has expired.
     */
    public String afterRejection(SsoSession session, String rejected) {
        return cache.lockedToken(session.tokenKey(), () -> {
            SsoToken current = cached(session);
            if (!current.accessToken().equals(rejected) && !current.expired(clock.instant())) {
                return current.accessToken();
            }
            return refresh(session, current).map(SsoToken::accessToken)
                    .orElseThrow(() -> CliException.sessionExpired(session.label(), loginCommand));
        });
    }

    private SsoToken cached(SsoSession session) {
        return cache.token(session.tokenKey())
                .orElseThrow(() -> CliException.notLoggedIn(session.label(), loginCommand));
    }

    /** Must run under the token's lock. Empty when the token cannot be refreshed or the server says no. */
    private Optional<SsoToken> refresh(SsoSession session, SsoToken token) {
        if (!token.refreshable(clock.instant())) {
            return Optional.empty();
        }
        CreateTokenResponse response;
        try {
            response = oidc.createToken(r -> r.grantType(REFRESH_GRANT).clientId(token.clientId())
                    .clientSecret(token.clientSecret()).refreshToken(token.refreshToken()));
        } catch (SsoOidcException refused) {
            // invalid_grant, expired_token, …: the refresh token is spent or its session over; a login is needed.
            return Optional.empty();
        } catch (SdkClientException e) {
            throw ServerCalls.clientError("CreateToken", endpoint, e);
        }
        SsoToken refreshed = new SsoToken(
                token.startUrl() != null ? token.startUrl() : session.startUrl(),
                token.region() != null ? token.region() : session.region(),
                response.accessToken(), clock.instant().plusSeconds(response.expiresIn()), token.clientId(),
                token.clientSecret(), token.registrationExpiresAt(),
                response.refreshToken() != null ? response.refreshToken() : token.refreshToken());
        cache.saveToken(session.tokenKey(), refreshed);
        return Optional.of(refreshed);
    }
}
