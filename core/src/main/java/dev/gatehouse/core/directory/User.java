package dev.gatehouse.core.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** Names of the attributes that differ, never their values: the trail is no copy of the directory. */
    public List<String> attributesChangedSince(User before) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.displayName(), displayName())) {
            changed.add("displayName");
        }
        if (!Objects.equals(before.givenName(), givenName())) {
            changed.add("givenName");
        }
        if (!Objects.equals(before.familyName(), familyName())) {
            changed.add("familyName");
        }
        if (!Objects.equals(before.email(), email())) {
            changed.add("email");
        }
        if (before.administrator() != administrator()) {
            changed.add("administrator");
        }
        return changed;
    }
}
