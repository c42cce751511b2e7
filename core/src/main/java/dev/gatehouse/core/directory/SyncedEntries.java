package dev.gatehouse.core.directory;

import dev.gatehouse.core.audit.Actor;

/**
 * Which users and groups an identity source owns (LDAP sync): those are edited only by the source, and refused with
 * a clear message to the console, admin commands, SCIM and the admin API alike, since the next sync would undo the
 * edit. Group membership of a Gatehouse group, and assignments, stay Gatehouse's.
 */
public interface SyncedEntries {

    /** The InvalidInput field of the refusal: the thing is read-only here (SCIM's field for mutability too). */
    String READ_ONLY = "readOnly";

    /** Nothing is synced (no LDAP source). */
    SyncedEntries NONE = new SyncedEntries() {
        @Override
        public boolean userSynced(String userId) {
            return false;
        }

        @Override
        public boolean groupSynced(String groupId) {
            return false;
        }

        @Override
        public boolean isSource(Actor actor) {
            return false;
        }
    };

    boolean userSynced(String userId);

    boolean groupSynced(String groupId);

    /** Whether the actor is the source itself (its sync may change what it owns). */
    boolean isSource(Actor actor);
}
