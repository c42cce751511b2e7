package dev.gatehouse.core.ldap;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.SyncedEntries;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;

/**
 * While an LDAP directory is the source, the users and groups its sync linked are its own: only the sync changes
 * them. After a switch to another source they become ordinary Gatehouse users and groups again.
 */
public final class LdapOwnedEntries implements SyncedEntries {

    private final IdentitySourceRepository sources;

    public LdapOwnedEntries(IdentitySourceRepository sources) {
        this.sources = sources;
    }

    @Override
    public boolean userSynced(String userId) {
        return ldapInForce() && sources.directoryLinks(LdapUsers.USER).containsValue(userId);
    }

    @Override
    public boolean groupSynced(String groupId) {
        return ldapInForce() && sources.directoryLinks(LdapSync.GROUP).containsValue(groupId);
    }

    @Override
    public boolean isSource(Actor actor) {
        return LdapUsers.DIRECTORY.equals(actor);
    }

    private boolean ldapInForce() {
        return sources.find().map(source -> source.kind() == IdentitySource.Kind.LDAP).orElse(false);
    }
}
