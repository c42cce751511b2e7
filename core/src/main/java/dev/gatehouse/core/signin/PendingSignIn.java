package dev.gatehouse.core.signin;

import java.time.Instant;

/**
 * A sign-in whose password was right and that waits for its second factor (or for the user to enrol one). The
 * browser holds a random value; only its SHA-256 is stored. Used once: completing it deletes it.
 */
public record PendingSignIn(String secretHash, String userId, Purpose purpose, Instant createdAt,
                            Instant expiresAt) {

    public enum Purpose {
        /** The user has a device: prove it. */
        SECOND_FACTOR,
        /** The user has none and must register one before the session starts. */
        ENROLMENT
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
