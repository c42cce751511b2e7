package dev.gatehouse.core.directory;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;

/** Refuses an edit of a synced user or group by anyone but its source. */
final class SyncedReadOnly {

    private final SyncedEntries entries;

    SyncedReadOnly(SyncedEntries entries) {
        this.entries = entries;
    }

    void requireEditable(User user, Actor actor) {
        if (!entries.isSource(actor) && entries.userSynced(user.userId())) {
            throw new DomainException(new DomainError.AccessDenied("The user " + user.userName() + " comes from the "
                    + "LDAP directory: change it there; the next sync brings the change here."));
        }
    }

    void requireEditable(Group group, Actor actor) {
        if (!entries.isSource(actor) && entries.groupSynced(group.groupId())) {
            throw new DomainException(new DomainError.AccessDenied("The group " + group.displayName() + " comes from "
                    + "the LDAP directory: change it and its members there; the next sync brings the change here."));
        }
    }
}
