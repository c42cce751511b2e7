package dev.gatehouse.core.ldap;

import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Brings Gatehouse's users and groups in line with the directory: every user and group below the bases (read in
 * pages), each group's direct members, and groups in groups as nestings that Gatehouse resolves itself (OpenLDAP's
 * memberOf is one level deep). Entries gone from the directory are deleted here, and a user deleted or disabled
 * there loses their sessions now. A nesting that would close a cycle is skipped. One transaction; audited as
 * {@code SyncDirectory} with counts. Only the node holding the database lease syncs; another is refused meanwhile.
 */
public final class LdapSync {

    public static final String GROUP = "GROUP";
    private static final String SYNCED = "Synced from the LDAP directory";
    /** The database lease that lets one node sync at a time; a run longer than this may overlap another node's. */
    static final String LEASE = "ldap-sync";
    static final Duration LEASE_TIME = Duration.ofMinutes(15);
    static final DomainError BUSY = new DomainError.TooManyRequests("Another Gatehouse node is syncing the "
            + "directory right now; its changes arrive when it finishes. Try again in a minute.");

    /** What one run changed. */
    public record Report(int users, int groups, int usersRemoved, int groupsRemoved, int membershipsAdded,
                         int membershipsRemoved, int skipped) {
    }

    private final LdapDirectories directories;
    private final LdapUsers ldapUsers;
    private final UserRepository users;
    private final GroupRepository groups;
    private final IdentityStoreService identityStore;
    private final IdentitySourceRepository links;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    /** This node, as the lease's holder. */
    private final String holder = UUID.randomUUID().toString();

    public LdapSync(LdapDirectories directories, LdapUsers ldapUsers, UserRepository users, GroupRepository groups,
                    IdentityStoreService identityStore, IdentitySourceRepository links, Transactions transactions,
                    AuditLog audit, Clock clock) {
        this.clock = clock;
        this.directories = directories;
        this.ldapUsers = ldapUsers;
        this.users = users;
        this.groups = groups;
        this.identityStore = identityStore;
        this.links = links;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Refused with {@link #BUSY} while another node holds the lease. */
    public Report run(RequestContext context) {
        if (!takeLease()) {
            throw new DomainException(BUSY);
        }
        try {
            return runHoldingLease(context);
        } finally {
            links.releaseLease(LEASE, holder);
        }
    }

    private boolean takeLease() {
        Instant now = clock.instant();
        return links.takeLease(LEASE, holder, now, now.plus(LEASE_TIME));
    }

    private Report runHoldingLease(RequestContext context) {
        List<DirectoryUser> directoryUsers;
        List<DirectoryGroup> directoryGroups;
        try {
            LdapDirectory directory = directories.current();
            directoryUsers = directory.users();
            directoryGroups = directory.groups();
        } catch (DirectoryUnavailable e) {
            throw DomainException.invalid("directory", e.getMessage());
        }
        // Reading a large directory takes a while: the lease is renewed for the writing that follows.
        if (!takeLease()) {
            throw new DomainException(BUSY);
        }
        return transactions.inTransaction(() -> {
            Counts counts = new Counts();
            Map<String, String> userNameOfDn = syncUsers(directoryUsers, counts, context);
            Map<String, String> groupNameOfDn = syncGroups(directoryGroups, counts, context);
            for (DirectoryGroup group : directoryGroups) {
                String name = groupNameOfDn.get(dnKey(group.dn()));
                if (name != null) {
                    syncMembers(name, group.memberDns(), userNameOfDn, groupNameOfDn, counts, context);
                }
            }
            Report report = new Report(userNameOfDn.size(), groupNameOfDn.size(), counts.usersRemoved,
                    counts.groupsRemoved, counts.added, counts.removed, counts.skipped);
            audit.as(LdapUsers.DIRECTORY, EventSource.IDENTITY_STORE, context).success("SyncDirectory", Map.of(),
                    Map.of("users", report.users(), "groups", report.groups(), "usersRemoved", report.usersRemoved(),
                            "groupsRemoved", report.groupsRemoved(), "membershipsAdded", report.membershipsAdded(),
                            "membershipsRemoved", report.membershipsRemoved(), "skipped", report.skipped()));
            return report;
        });
    }

    private static final class Counts {
        int usersRemoved;
        int groupsRemoved;
        int added;
        int removed;
        int skipped;
    }

    private Map<String, String> syncUsers(List<DirectoryUser> entries, Counts counts, RequestContext context) {
        Map<String, String> userNameOfDn = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> linked = links.directoryLinks(LdapUsers.USER);
        for (DirectoryUser entry : entries) {
            try {
                User user = ldapUsers.sync(entry, linked, context);
                userNameOfDn.put(dnKey(entry.dn()), user.userName());
                seen.add(entry.id());
            } catch (DomainException unusable) {
                counts.skipped++;
                if (entry.id() != null) {
                    seen.add(entry.id());
                }
            }
        }
        for (Map.Entry<String, String> link : linked.entrySet()) {
            if (!seen.contains(link.getKey())) {
                Optional<User> gone = users.findById(link.getValue());
                if (gone.isPresent()) {
                    // Deleting ends every session of the user, browser and CLI alike.
                    identityStore.deleteUser(gone.get().userName(), LdapUsers.DIRECTORY, context);
                    counts.usersRemoved++;
                }
                links.unlinkDirectoryEntry(LdapUsers.USER, link.getKey());
            }
        }
        return userNameOfDn;
    }

    private Map<String, String> syncGroups(List<DirectoryGroup> entries, Counts counts, RequestContext context) {
        Map<String, String> linked = links.directoryLinks(GROUP);
        Map<String, String> groupNameOfDn = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DirectoryGroup entry : entries) {
            if (entry.id() == null || entry.name() == null || entry.name().isBlank()) {
                counts.skipped++;
                continue;
            }
            seen.add(entry.id());
            Optional<Group> group = Optional.ofNullable(linked.get(entry.id())).flatMap(groups::findById)
                    .or(() -> groups.findByDisplayName(entry.name()));
            Group synced = group.orElseGet(() -> identityStore.createGroup(entry.name(), SYNCED,
                    LdapUsers.DIRECTORY, context));
            if (!synced.groupId().equals(linked.get(entry.id()))) {
                links.linkDirectoryEntry(GROUP, entry.id(), synced.groupId());
            }
            groupNameOfDn.put(dnKey(entry.dn()), synced.displayName());
        }
        for (Map.Entry<String, String> link : linked.entrySet()) {
            if (!seen.contains(link.getKey())) {
                Optional<Group> gone = groups.findById(link.getValue());
                if (gone.isPresent()) {
                    identityStore.deleteGroup(gone.get().displayName(), LdapUsers.DIRECTORY, context);
                    counts.groupsRemoved++;
                }
                links.unlinkDirectoryEntry(GROUP, link.getKey());
            }
        }
        return groupNameOfDn;
    }

    private void syncMembers(String groupName, List<String> memberDns, Map<String, String> userNameOfDn,
                             Map<String, String> groupNameOfDn, Counts counts, RequestContext context) {
        Set<String> wantedUsers = new HashSet<>();
        Set<String> wantedGroups = new HashSet<>();
        for (String dn : memberDns) {
            String key = dnKey(dn);
            if (userNameOfDn.containsKey(key)) {
                wantedUsers.add(userNameOfDn.get(key));
            } else if (groupNameOfDn.containsKey(key) && !groupNameOfDn.get(key).equals(groupName)) {
                wantedGroups.add(groupNameOfDn.get(key));
            }
        }
        Set<String> currentUsers = new HashSet<>();
        for (User member : identityStore.members(groupName)) {
            currentUsers.add(member.userName());
            if (!wantedUsers.contains(member.userName())) {
                identityStore.removeMember(groupName, member.userName(), LdapUsers.DIRECTORY, context);
                counts.removed++;
            }
        }
        for (String userName : wantedUsers) {
            if (!currentUsers.contains(userName)) {
                identityStore.addMember(groupName, userName, LdapUsers.DIRECTORY, context);
                counts.added++;
            }
        }
        Set<String> currentGroups = new HashSet<>();
        for (Group child : identityStore.nestedGroups(groupName)) {
            currentGroups.add(child.displayName());
            if (!wantedGroups.contains(child.displayName())) {
                identityStore.unnestGroup(groupName, child.displayName(), LdapUsers.DIRECTORY, context);
                counts.removed++;
            }
        }
        for (String child : wantedGroups) {
            if (!currentGroups.contains(child)) {
                try {
                    identityStore.nestGroup(groupName, child, LdapUsers.DIRECTORY, context);
                    counts.added++;
                } catch (DomainException cycleOrTooDeep) {
                    counts.skipped++;
                }
            }
        }
    }

    /** DNs compared as the directory writes them, ignoring case and spaces after commas. */
    private static String dnKey(String dn) {
        return dn.toLowerCase(Locale.ROOT).replaceAll(",\\s+", ",");
    }
}
