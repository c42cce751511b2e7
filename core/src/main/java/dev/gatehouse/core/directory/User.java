package dev.gatehouse.core.directory;

import java.time.Instant;

/**
 * A person in the identity store. {@code passwordHash} is null until the user activates their account.
 * {@code administrator} lets the user use the admin console (so does membership of the configured admin group).
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

    /** The same user with new names, email and administrator flag: what an administrator may edit. */
    public User withProfile(String newDisplayName, String newGivenName, String newFamilyName, String newEmail,
                            boolean newAdministrator, Instant at) {
        return new User(userId, userName, newDisplayName, newGivenName, newFamilyName, newEmail, status,
                newAdministrator, passwordHash, createdAt, at);
    }

    public User withPasswordHash(String hash, Instant at) {
        return new User(userId, userName, displayName, givenName, familyName, email, status, administrator,
                hash, createdAt, at);
    }
}
