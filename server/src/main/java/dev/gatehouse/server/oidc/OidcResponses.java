package dev.gatehouse.server.oidc;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.TokenEndpoint;

/** The sso-oidc output shapes, member for member as the model names them; unset members are left out. */
final class OidcResponses {

    private OidcResponses() {
    }

    /** {@code clientIdIssuedAt} and {@code clientSecretExpiresAt} are epoch seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegisterClientResponse(String clientId, String clientSecret, long clientIdIssuedAt,
                                  long clientSecretExpiresAt) {

        static RegisterClientResponse of(ClientRegistrations.Registered registered) {
            return new RegisterClientResponse(registered.client().clientId(), registered.clientSecret(),
                    registered.client().issuedAt().getEpochSecond(), registered.client().expiresAt().getEpochSecond());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartDeviceAuthorizationResponse(String deviceCode, String userCode, String verificationUri,
                                            String verificationUriComplete, long expiresIn, long interval) {

        static StartDeviceAuthorizationResponse of(DeviceAuthorizations.Started started) {
            return new StartDeviceAuthorizationResponse(started.deviceCode(), started.userCode(),
                    started.verificationUri(), started.verificationUriComplete(), started.expiresIn(),
                    started.interval());
        }
    }

    /** {@code refreshToken} is absent, not null, for registrations without scopes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateTokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

        static CreateTokenResponse of(TokenEndpoint.Tokens tokens) {
            return new CreateTokenResponse(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(),
                    tokens.refreshToken());
        }
    }
}
