package dev.gatehouse.core.directory;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainException;

/**
 * Refuses an edit of a synced user or group by anyone but its source: as invalid input on the field
 * {@value SyncedEntries#READ_ONLY}, which each door turns into its own refusal of a read-only thing (identitystore's
 * ValidationException, SCIM's 400 {@code mutability}, the console's and the admin commands' message).
 */
final class SyncedReadOnly {

    private final SyncedEntries entries;

    SyncedReadOnly(SyncedEntries entries) {
        this.entries = entries;
    }

    void requireEditable(User user, Actor actor) {
        if (!entries.isSource(actor) && entries.userSynced(user.userId())) {
            throw DomainException.invalid(SyncedEntries.READ_ONLY, "The user " + user.userName() + " comes from the "
                    + "LDAP directory: change it there; the next sync brings the change here.");
        }
    }

    void requireEditable(Group group, Actor actor) {
        if (!entries.isSource(actor) && entries.groupSynced(group.groupId())) {
            throw DomainException.invalid(SyncedEntries.READ_ONLY, "The group " + group.displayName() + " comes from "
                    + "the LDAP directory: change it and its members there; the next sync brings the change here.");
        }
    }
}
