package dev.gatehouse.core.model;

import java.time.Instant;

/**
 * A person in the identity store. {@code passwordHash} is null until the user activates their account.
 * {@code administrator} lets the user run administration (the admin console arrives later).
 */
public record User(String userId, String userName, String displayName, String givenName, String familyName,
                   String email, UserStatus status, boolean administrator, String passwordHash,
                   Instant createdAt, Instant updatedAt) {

    public boolean enabled() {
        return status == UserStatus.ENABLED;
    }

    public User withStatus(UserStatus newStatus, Instant at) {
        return new User(userId, userName, displayName, givenName, familyName, email, newStatus, administrator,
                passwordHash, createdAt, at);
    }

    public User withPasswordHash(String hash, Instant at) {
        return new User(userId, userName, displayName, givenName, familyName, email, status, administrator,
                hash, createdAt, at);
    }
}
