package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.cache.Registration;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import java.time.Instant;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * What every login ends with, whichever flow: the new token, with the registration that obtained it so it can be
 * refreshed later, written to the session's cache file under its lock, as the AWS CLI writes it.
 */
final class LoginTokens {

    private LoginTokens() {
    }

    static SsoToken save(SsoCache cache, SsoSession session, Registration registration, CreateTokenResponse tokens,
                         Instant now) {
        SsoToken token = new SsoToken(session.startUrl(), session.region(), tokens.accessToken(),
                now.plusSeconds(tokens.expiresIn()), registration.clientId(), registration.clientSecret(),
                registration.expiresAt(), tokens.refreshToken());
        cache.lockedToken(session.tokenKey(), () -> {
            cache.saveToken(session.tokenKey(), token);
            return null;
        });
        return token;
    }
}
