package dev.gatehouse.core.ldap;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.SourceCheck;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.storage.Transactions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One user brought in line with the directory between syncs: at sign-in (a person the sync has not seen yet gets
 * their groups too) and at each refresh-token use (one search by the stable id, one for the groups listing the
 * entry). A user gone from the directory is deleted, a disabled one disabled, one taken out of a synced group
 * removed from it; each ends the user's sessions, so the refresh is refused. When the directory does not answer at
 * a refresh, nothing changes and the refresh goes on: an outage must not sign everyone out, and the next sync that
 * reaches the directory catches up.
 */
public final class LdapUserCheck implements SourceCheck {

    private final LdapDirectories directories;
    private final LdapUsers ldapUsers;
    private final UserRepository users;
    private final GroupRepository groups;
    private final IdentityStoreService identityStore;
    private final IdentitySourceRepository links;
    private final Transactions transactions;

    public LdapUserCheck(LdapDirectories directories, LdapUsers ldapUsers, UserRepository users,
                         GroupRepository groups, IdentityStoreService identityStore, IdentitySourceRepository links,
                         Transactions transactions) {
        this.directories = directories;
        this.ldapUsers = ldapUsers;
        this.users = users;
        this.groups = groups;
        this.identityStore = identityStore;
        this.links = links;
        this.transactions = transactions;
    }

    @Override
    public boolean active() {
        return links.find().map(source -> source.kind() == IdentitySource.Kind.LDAP).orElse(false);
    }

    @Override
    public void recheck(String userId, RequestContext context) {
        Optional<String> directoryId = active() ? links.directoryIdOf(LdapUsers.USER, userId) : Optional.empty();
        if (directoryId.isEmpty()) {
            return;
        }
        Optional<DirectoryUser> entry;
        List<DirectoryGroup> listing;
        try {
            LdapDirectory directory = directories.current();
            entry = directory.findUserById(directoryId.get());
            listing = entry.isPresent() ? directory.groupsListing(entry.get().dn()) : List.of();
        } catch (DirectoryUnavailable unreachable) {
            return;
        }
        transactions.run(() -> users.findById(userId).ifPresent(user -> {
            if (entry.isPresent()) {
                sync(entry.get(), listing, context);
            } else {
                identityStore.deleteUser(user.userName(), LdapUsers.DIRECTORY, context);
                links.unlinkDirectoryEntry(LdapUsers.USER, directoryId.get());
            }
        }));
    }

    /**
     * The user as the directory has them now, with their direct memberships of synced groups as the groups listing
     * them say (call inside a transaction). Groups the sync has not linked yet wait for it.
     */
    public User sync(DirectoryUser entry, List<DirectoryGroup> listing, RequestContext context) {
        User user = ldapUsers.sync(entry, context);
        Map<String, String> groupLinks = links.directoryLinks(LdapSync.GROUP);
        Set<String> synced = new HashSet<>(groupLinks.values());
        Set<String> wanted = listing.stream().map(group -> groupLinks.get(group.id())).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        for (Group group : identityStore.groupsOf(user.userName())) {
            if (!wanted.remove(group.groupId()) && synced.contains(group.groupId())) {
                identityStore.removeMember(group.displayName(), user.userName(), LdapUsers.DIRECTORY, context);
            }
        }
        for (String groupId : wanted) {
            groups.findById(groupId).ifPresent(group -> identityStore.addMember(group.displayName(),
                    user.userName(), LdapUsers.DIRECTORY, context));
        }
        return user;
    }
}
