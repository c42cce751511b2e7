package dev.gatehouse.core.scim;

import java.time.Instant;

/**
 * A bearer token an identity provider provisions users with. Only the token's SHA-256 is stored
 * ({@link dev.gatehouse.core.keys.Secrets#hash}); the value is shown once, when it is created.
 */
public record ScimToken(String tokenId, String tokenHash, Instant createdAt, Instant expiresAt) {

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
