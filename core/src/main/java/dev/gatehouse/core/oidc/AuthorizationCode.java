package dev.gatehouse.core.oidc;

import java.time.Instant;
import java.util.List;

/**
 * An OAuth authorization code (RFC 6749 §4.1) a person granted a client in the browser, kept only as a hash and
 * bound to everything the token request must repeat or prove.
 *
 * @param redirectUri   exactly as the authorize request gave it, port included
 * @param codeChallenge the S256 PKCE challenge the code verifier must answer
 * @param usedAt        when it was redeemed; presenting it again is refused
 * @param sessionId     the session its redemption started, revoked if the code is replayed
 */
public record AuthorizationCode(String codeHash, String clientId, String userId, String redirectUri,
                                String codeChallenge, List<String> scopes, Instant createdAt, Instant expiresAt,
                                Instant usedAt, String sessionId) {

    public AuthorizationCode {
        scopes = List.copyOf(scopes);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
