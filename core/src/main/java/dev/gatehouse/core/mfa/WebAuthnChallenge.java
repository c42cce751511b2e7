package dev.gatehouse.core.mfa;

import java.time.Instant;

/**
 * A challenge handed out for one ceremony of one user, stored as its hash until it is answered or expires.
 *
 * @param challengeHash {@link dev.gatehouse.core.keys.Secrets#hash} of the challenge's base64url text
 */
public record WebAuthnChallenge(String challengeHash, String userId, Ceremony ceremony, Instant expiresAt) {

    /** What the challenge may be used for: a challenge for adding a key cannot sign in, and the reverse. */
    public enum Ceremony { REGISTRATION, ASSERTION }
}
