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
import java.util.function.Supplier;

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
    /** How often the schedule makes a full pass (which finds deletions) rather than reading changes only. */
    static final Duration FULL_EVERY = Duration.ofHours(1);
    /** Changes are read from this long before the last run began: directory and Gatehouse clocks may differ. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    static final DomainError BUSY = new DomainError.TooManyRequests("Another Gatehouse node is syncing the "
            + "directory right now; its changes arrive when it finishes. Try again in a minute.");

    /**
     * What one run changed. {@code users} and {@code groups} count the entries read: all of them in a full pass,
     * the changed ones otherwise; deletions are found by full passes only.
     */
    public record Report(int users, int groups, int usersRemoved, int groupsRemoved, int membershipsAdded,
                         int membershipsRemoved, int skipped, boolean full) {
    }

    /**
     * What this node learnt at its last run: the Gatehouse ids of the DNs seen (so a changed group's members are
     * found without reading every user), when that run began, and when its last full pass began.
     */
    private record Known(Map<String, String> userIdOfDn, Map<String, String> groupIdOfDn, Instant startedAt,
                         Instant lastFullAt) {
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
    private volatile Known known;

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

    /** A full pass, whatever ran before (the on-demand sync); refused with {@link #BUSY} while another node syncs. */
    public Report run(RequestContext context) {
        return holdingLease(() -> full(context), context);
    }

    /**
     * What the schedule runs: only entries changed since this node's last run (their change timestamp, with an
     * overlap for clock skew), and a full pass, which also finds deletions, when this node has none yet or its last
     * one is {@link #FULL_EVERY} old.
     */
    public Report runScheduled(RequestContext context) {
        return holdingLease(() -> {
            Known before = known;
            boolean fullDue = before == null || !clock.instant().isBefore(before.lastFullAt().plus(FULL_EVERY));
            return fullDue ? full(context) : changedOnly(before, context);
        }, context);
    }

    /** Closes the directory's connection pool, at server shutdown. */
    public void closeDirectory() {
        directories.close();
    }

    /** A run that fails is audited as a failed SyncDirectory (the console and /metrics show it); a busy one not. */
    private Report holdingLease(Supplier<Report> sync, RequestContext context) {
        if (!takeLease()) {
            throw new DomainException(BUSY);
        }
        try {
            return sync.get();
        } catch (DomainException failed) {
            if (failed.error() != BUSY) {
                transactions.run(() -> audit.as(LdapUsers.DIRECTORY, EventSource.IDENTITY_STORE, context)
                        .failure("SyncDirectory", Map.of(), failed.error()));
            }
            throw failed;
        } finally {
            links.releaseLease(LEASE, holder);
        }
    }

    private boolean takeLease() {
        Instant now = clock.instant();
        return links.takeLease(LEASE, holder, now, now.plus(LEASE_TIME));
    }

    private Report full(RequestContext context) {
        Instant startedAt = clock.instant();
        List<DirectoryUser> directoryUsers;
        List<DirectoryGroup> directoryGroups;
        try {
            LdapDirectory directory = directories.current();
            directory.refreshLockoutPolicy();
            directoryUsers = directory.users();
            directoryGroups = directory.groups();
        } catch (DirectoryUnavailable e) {
            throw DomainException.invalid("directory", e.getMessage());
        }
        renewLease();
        Known now = new Known(new HashMap<>(), new HashMap<>(), startedAt, startedAt);
        Report report = transactions.inTransaction(() -> {
            Counts counts = new Counts();
            Map<String, String> userNameOfDn = syncUsers(directoryUsers, now, counts, context);
            Map<String, String> groupNameOfDn = syncGroups(directoryGroups, now, counts, context);
            for (DirectoryGroup group : directoryGroups) {
                String name = groupNameOfDn.get(dnKey(group.dn()));
                if (name != null) {
                    syncMembers(name, group.memberDns(), userNameOfDn, groupNameOfDn, counts, context);
                }
            }
            return audited(new Report(userNameOfDn.size(), groupNameOfDn.size(), counts.usersRemoved,
                    counts.groupsRemoved, counts.added, counts.removed, counts.skipped, true), context);
        });
        known = now;
        return report;
    }

    /** Changed users and groups only; members of changed groups found through what this node knows of the DNs. */
    private Report changedOnly(Known before, RequestContext context) {
        Instant startedAt = clock.instant();
        Instant since = before.startedAt().minus(OVERLAP);
        List<DirectoryUser> changedUsers;
        List<DirectoryGroup> changedGroups;
        try {
            LdapDirectory directory = directories.current();
            directory.refreshLockoutPolicy();
            changedUsers = directory.usersChangedSince(since);
            changedGroups = directory.groupsChangedSince(since);
        } catch (DirectoryUnavailable e) {
            throw DomainException.invalid("directory", e.getMessage());
        }
        renewLease();
        Known now = new Known(new HashMap<>(before.userIdOfDn()), new HashMap<>(before.groupIdOfDn()), startedAt,
                before.lastFullAt());
        Report report = transactions.inTransaction(() -> {
            Counts counts = new Counts();
            Map<String, String> linkedUsers = links.directoryLinks(LdapUsers.USER);
            Map<String, String> linkedGroups = links.directoryLinks(GROUP);
            int users = 0;
            for (DirectoryUser entry : changedUsers) {
                users += syncUser(entry, linkedUsers, now, counts, context).isPresent() ? 1 : 0;
            }
            Map<String, String> changedGroupNames = new LinkedHashMap<>();
            for (DirectoryGroup entry : changedGroups) {
                syncGroup(entry, linkedGroups, now, counts, context)
                        .ifPresent(group -> changedGroupNames.put(dnKey(entry.dn()), group.displayName()));
            }
            for (DirectoryGroup group : changedGroups) {
                String name = changedGroupNames.get(dnKey(group.dn()));
                if (name != null) {
                    syncMembers(name, group.memberDns(), new NamesByDn(now.userIdOfDn(), this::userNameOf),
                            new NamesByDn(now.groupIdOfDn(), id -> groups.findById(id).map(Group::displayName)),
                            counts, context);
                }
            }
            return audited(new Report(users, changedGroupNames.size(), 0, 0, counts.added, counts.removed,
                    counts.skipped, false), context);
        });
        // Only what was committed counts as known: a rolled-back run leaves the last one's watermark.
        known = now;
        return report;
    }

    private Optional<String> userNameOf(String userId) {
        return users.findById(userId).map(User::userName);
    }

    private void renewLease() {
        // Reading a large directory takes a while: the lease is renewed for the writing that follows.
        if (!takeLease()) {
            throw new DomainException(BUSY);
        }
    }

    private Report audited(Report report, RequestContext context) {
        audit.as(LdapUsers.DIRECTORY, EventSource.IDENTITY_STORE, context).success("SyncDirectory", Map.of(),
                Map.of("users", report.users(), "groups", report.groups(), "usersRemoved", report.usersRemoved(),
                        "groupsRemoved", report.groupsRemoved(), "membershipsAdded", report.membershipsAdded(),
                        "membershipsRemoved", report.membershipsRemoved(), "skipped", report.skipped(),
                        "full", report.full()));
        return report;
    }

    private static final class Counts {
        int usersRemoved;
        int groupsRemoved;
        int added;
        int removed;
        int skipped;
    }

    private Map<String, String> syncUsers(List<DirectoryUser> entries, Known known, Counts counts,
                                          RequestContext context) {
        Map<String, String> userNameOfDn = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> linked = links.directoryLinks(LdapUsers.USER);
        for (DirectoryUser entry : entries) {
            syncUser(entry, linked, known, counts, context)
                    .ifPresent(user -> userNameOfDn.put(dnKey(entry.dn()), user.userName()));
            if (entry.id() != null) {
                seen.add(entry.id());
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

    /** The Gatehouse user the entry became; an unusable entry is counted as skipped. */
    private Optional<User> syncUser(DirectoryUser entry, Map<String, String> linked, Known known, Counts counts,
                             RequestContext context) {
        try {
            User user = ldapUsers.sync(entry, linked, context);
            known.userIdOfDn().put(dnKey(entry.dn()), user.userId());
            return Optional.of(user);
        } catch (DomainException unusable) {
            counts.skipped++;
            return Optional.empty();
        }
    }

    private Optional<Group> syncGroup(DirectoryGroup entry, Map<String, String> linked, Known known, Counts counts,
                                      RequestContext context) {
        if (entry.id() == null || entry.name() == null || entry.name().isBlank()) {
            counts.skipped++;
            return Optional.empty();
        }
        Optional<Group> group = Optional.ofNullable(linked.get(entry.id())).flatMap(groups::findById)
                .or(() -> groups.findByDisplayName(entry.name()));
        Group synced = group.orElseGet(() -> identityStore.createGroup(entry.name(), SYNCED,
                LdapUsers.DIRECTORY, context));
        if (!synced.groupId().equals(linked.get(entry.id()))) {
            links.linkDirectoryEntry(GROUP, entry.id(), synced.groupId());
        }
        known.groupIdOfDn().put(dnKey(entry.dn()), synced.groupId());
        return Optional.of(synced);
    }

    private Map<String, String> syncGroups(List<DirectoryGroup> entries, Known known, Counts counts,
                                           RequestContext context) {
        Map<String, String> linked = links.directoryLinks(GROUP);
        Map<String, String> groupNameOfDn = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DirectoryGroup entry : entries) {
            if (entry.id() != null) {
                seen.add(entry.id());
            }
            syncGroup(entry, linked, known, counts, context)
                    .ifPresent(group -> groupNameOfDn.put(dnKey(entry.dn()), group.displayName()));
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
