package dev.gatehouse.core.directory;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.error.Inputs;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Users, groups and memberships. Every change is audited in the same transaction. */
public final class IdentityStoreService {

    private static final Pattern USER_NAME = Pattern.compile("^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}$");

    private final UserRepository users;
    private final GroupRepository groups;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final GroupNestings nestings;
    private final SyncedReadOnly synced;

    public IdentityStoreService(UserRepository users, GroupRepository groups, SessionRepository sessions,
                                Transactions transactions, Clock clock, AuditLog audit) {
        this(users, groups, sessions, transactions, clock, audit, SyncedEntries.NONE);
    }

    /** @param syncedEntries the users and groups an identity source owns, which only it may change */
    public IdentityStoreService(UserRepository users, GroupRepository groups, SessionRepository sessions,
                                Transactions transactions, Clock clock, AuditLog audit, SyncedEntries syncedEntries) {
        this.users = users;
        this.groups = groups;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.nestings = new GroupNestings(groups);
        this.synced = new SyncedReadOnly(syncedEntries);
    }

    public record NewUser(String userName, String displayName, String givenName, String familyName, String email,
                          boolean administrator) { }

    public User createUser(NewUser request, Actor actor, RequestContext context) {
        String userName = Inputs.matching("userName", Inputs.required("userName", request.userName(), 128),
                USER_NAME, "may not contain spaces or control characters");
        String given = Inputs.required("givenName", request.givenName(), 256);
        String family = Inputs.required("familyName", request.familyName(), 256);
        String display = displayName(request.displayName(), given, family);
        String email = Inputs.email("email", request.email());
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID().toString(), userName, display, given, family, email,
                UserStatus.ENABLED, request.administrator(), null, now, now);
        return transactions.inTransaction(() -> {
            users.insert(user);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("CreateUser",
                    Map.of("userName", userName, "administrator", request.administrator()),
                    Map.of("userId", user.userId()));
            return user;
        });
    }

    /** What an administrator may change about a user; the user name, status and password have their own ways. */
    public record UserChanges(String displayName, String givenName, String familyName, String email,
                              boolean administrator) { }

    public User updateUser(String userName, UserChanges changes, Actor actor, RequestContext context) {
        String given = Inputs.required("givenName", changes.givenName(), 256);
        String family = Inputs.required("familyName", changes.familyName(), 256);
        String display = displayName(changes.displayName(), given, family);
        String email = Inputs.email("email", changes.email());
        return transactions.inTransaction(() -> {
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            synced.requireEditable(user, actor);
            if (user.administrator() && !changes.administrator()) {
                refuseOnSelf(user, actor, "remove your own administrator flag");
            }
            User changed = user.withProfile(display, given, family, email, changes.administrator(), clock.instant());
            users.update(changed);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("userName", user.userName());
            parameters.put("changed", changed.attributesChangedSince(user));
            parameters.put("administrator", changed.administrator());
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("UpdateUser",
                    parameters, Map.of("userId", user.userId()));
            return changed;
        });
    }

    private static String displayName(String requested, String given, String family) {
        return requested == null || requested.isBlank()
                ? given + " " + family : Inputs.required("displayName", requested, 1024);
    }

    /**
     * An administrator cannot lock themselves out: disabling, deleting or demoting oneself is left to another
     * administrator (or the command line), so there is always someone who can undo it.
     */
    private static void refuseOnSelf(User user, Actor actor, String what) {
        if (user.userId().equals(actor.userId())) {
            throw new DomainException(new DomainError.AccessDenied(
                    "You cannot " + what + ". Ask another administrator to do it."));
        }
    }

    /**
     * Gives a user another user name (unique ignoring case, as every user name); sign-in uses the new one at once.
     * Sessions stay: they belong to the user, not the name.
     */
    public User renameUser(String userName, String newUserName, Actor actor, RequestContext context) {
        String name = Inputs.matching("userName", Inputs.required("userName", newUserName, 128),
                USER_NAME, "may not contain spaces or control characters");
        return transactions.inTransaction(() -> {
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            synced.requireEditable(user, actor);
            User renamed = new User(user.userId(), name, user.displayName(), user.givenName(), user.familyName(),
                    user.email(), user.status(), user.administrator(), user.passwordHash(), user.createdAt(),
                    clock.instant());
            users.update(renamed);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("UpdateUser",
                    Map.of("userName", user.userName(), "changed", List.of("userName")),
                    Map.of("userId", user.userId()));
            return renamed;
        });
    }

    public User userById(String userId) {
        return users.findById(userId).orElseThrow(() -> DomainException.notFound("User", userId));
    }

    public User user(String userName) {
        return users.findByUserName(userName)
                .orElseThrow(() -> DomainException.notFound("User", userName));
    }

    public List<User> listUsers(String afterUserName, int limit) {
        return users.list(afterUserName, limit);
    }

    public long countUsers() {
        return users.count();
    }

    /** Users whose name starts with {@code userNamePrefix} (blank: everyone), a page at a time. */
    public Page<User> searchUsers(String userNamePrefix, String afterUserName, int limit) {
        String prefix = userNamePrefix == null ? "" : userNamePrefix.strip();
        return Page.fromOneMore(users.search(prefix, afterUserName, limit + 1), limit, User::userName);
    }

    /** The groups the user belongs to, by display name. */
    public List<Group> groupsOf(String userName) {
        return groups.groupsOf(user(userName).userId());
    }

    public User setStatus(String userName, UserStatus status, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            synced.requireEditable(user, actor);
            if (status == UserStatus.DISABLED) {
                refuseOnSelf(user, actor, "disable your own user");
            }
            User changed = user.withStatus(status, clock.instant());
            users.update(changed);
            if (status == UserStatus.DISABLED) {
                sessions.revokeAllOf(user.userId(), clock.instant());
            }
            audit.as(actor, EventSource.IDENTITY_STORE, context).success(
                    status == UserStatus.ENABLED ? "EnableUser" : "DisableUser", Map.of("userName", userName),
                    Map.of("userId", user.userId()));
            return changed;
        });
    }

    public void deleteUser(String userName, Actor actor, RequestContext context) {
        transactions.run(() -> {
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            synced.requireEditable(user, actor);
            refuseOnSelf(user, actor, "delete your own user");
            sessions.revokeAllOf(user.userId(), clock.instant());
            users.delete(user.userId());
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("DeleteUser",
                    Map.of("userName", userName), Map.of("userId", user.userId()));
        });
    }

    public Group createGroup(String displayName, String description, Actor actor, RequestContext context) {
        String name = Inputs.required("displayName", displayName, 1024);
        String text = Inputs.optional("description", description, 1024);
        Group group = new Group(UUID.randomUUID().toString(), name, text, clock.instant());
        return transactions.inTransaction(() -> {
            groups.insert(group);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("CreateGroup",
                    Map.of("displayName", name), Map.of("groupId", group.groupId()));
            return group;
        });
    }

    /**
     * Gives a group another display name (unique ignoring case) and description; null keeps the description out.
     * Memberships and assignments follow the group id, so they stay.
     */
    public Group updateGroup(String groupId, String displayName, String description, Actor actor,
                             RequestContext context) {
        String name = Inputs.required("displayName", displayName, 1024);
        String text = Inputs.optional("description", description, 1024);
        return transactions.inTransaction(() -> {
            Group group = groups.findById(groupId).orElseThrow(() -> DomainException.notFound("Group", groupId));
            synced.requireEditable(group, actor);
            Group changed = new Group(group.groupId(), name, text, group.createdAt());
            groups.update(changed);
            List<String> attributes = new ArrayList<>();
            if (!group.displayName().equals(name)) {
                attributes.add("displayName");
            }
            if (!Objects.equals(group.description(), text)) {
                attributes.add("description");
            }
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("UpdateGroup",
                    Map.of("displayName", group.displayName(), "changed", attributes),
                    Map.of("groupId", group.groupId()));
            return changed;
        });
    }

    public Group groupById(String groupId) {
        return groups.findById(groupId).orElseThrow(() -> DomainException.notFound("Group", groupId));
    }

    public Group group(String displayName) {
        return groups.findByDisplayName(displayName)
                .orElseThrow(() -> DomainException.notFound("Group", displayName));
    }

    public List<Group> listGroups(String afterDisplayName, int limit) {
        return groups.list(afterDisplayName, limit);
    }

    public Page<Group> groupPage(String afterDisplayName, int limit) {
        return Page.fromOneMore(groups.list(afterDisplayName, limit + 1), limit, Group::displayName);
    }

    public void deleteGroup(String displayName, Actor actor, RequestContext context) {
        transactions.run(() -> {
            Group group = groups.findByDisplayName(displayName)
                    .orElseThrow(() -> DomainException.notFound("Group", displayName));
            synced.requireEditable(group, actor);
            // Access through the group ends now, for its members and those of the groups nested in it.
            Set<String> losing = nestings.effectiveMemberIdsOf(group.groupId());
            groups.delete(group.groupId());
            losing.forEach(userId -> sessions.revokeAllOf(userId, clock.instant()));
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("DeleteGroup",
                    Map.of("displayName", displayName), Map.of("groupId", group.groupId()));
        });
    }

    public Membership addMember(String groupName, String userName, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            Group group = groups.findByDisplayName(groupName)
                    .orElseThrow(() -> DomainException.notFound("Group", groupName));
            synced.requireEditable(group, actor);
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            Membership membership = new Membership(UUID.randomUUID().toString(), group.groupId(), user.userId());
            groups.addMember(membership);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("CreateGroupMembership",
                    Map.of("groupName", groupName, "userName", userName),
                    Map.of("membershipId", membership.membershipId()));
            return membership;
        });
    }

    public void removeMember(String groupName, String userName, Actor actor, RequestContext context) {
        transactions.run(() -> {
            Group group = groups.findByDisplayName(groupName)
                    .orElseThrow(() -> DomainException.notFound("Group", groupName));
            synced.requireEditable(group, actor);
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            if (!groups.removeMember(group.groupId(), user.userId())) {
                throw DomainException.notFound("Membership", userName + " in " + groupName);
            }
            // Access through the group ends now, not when the tokens expire: end the user's sessions.
            sessions.revokeAllOf(user.userId(), clock.instant());
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("groupName", groupName);
            parameters.put("userName", userName);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("DeleteGroupMembership", parameters);
        });
    }

    /** Makes the group {@code childName} a member of {@code parentName}; cycles and over-deep chains are refused. */
    public GroupNesting nestGroup(String parentName, String childName, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            Group parent = group(parentName);
            synced.requireEditable(parent, actor);
            Group child = group(childName);
            nestings.checkNesting(parent.groupId(), child.groupId(), child.displayName());
            GroupNesting nesting = new GroupNesting(parent.groupId(), child.groupId());
            groups.addNesting(nesting);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("CreateGroupNesting",
                    Map.of("groupName", parent.displayName(), "memberGroupName", child.displayName()),
                    Map.of("groupId", parent.groupId(), "memberGroupId", child.groupId()));
            return nesting;
        });
    }

    public void unnestGroup(String parentName, String childName, Actor actor, RequestContext context) {
        transactions.run(() -> {
            Group parent = group(parentName);
            synced.requireEditable(parent, actor);
            Group child = group(childName);
            if (!groups.removeNesting(parent.groupId(), child.groupId())) {
                throw DomainException.notFound("Group membership", childName + " in " + parentName);
            }
            // As when a user leaves a group: whoever reached the outer group through this one loses it now.
            nestings.effectiveMemberIdsOf(child.groupId()).forEach(userId -> sessions.revokeAllOf(userId,
                    clock.instant()));
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("DeleteGroupNesting",
                    Map.of("groupName", parent.displayName(), "memberGroupName", child.displayName()));
        });
    }

    /** The groups directly nested in the group, by display name. */
    public List<Group> nestedGroups(String groupName) {
        return groups.nestedGroupsOf(group(groupName).groupId());
    }

    public List<User> members(String groupName) {
        Group group = group(groupName);
        return groups.membersOf(group.groupId()).stream()
                .map(m -> users.findById(m.userId()).orElseThrow())
                .toList();
    }

    /** A group's members by user name, a page at a time. */
    public Page<User> memberPage(String groupName, String afterUserName, int limit) {
        Group group = group(groupName);
        return Page.fromOneMore(users.membersOf(group.groupId(), afterUserName, limit + 1), limit,
                User::userName);
    }

    /** The users with this email address (not unique in Gatehouse: usually one, possibly several). */
    public List<User> usersWithEmail(String email) {
        return users.withEmail(email);
    }

    /** The group's direct memberships, by group id. */
    public List<Membership> membershipsOfGroup(String groupId) {
        return groups.membersOf(groupById(groupId).groupId());
    }

    /** The user's direct memberships, by user id. */
    public List<Membership> membershipsOfUser(String userId) {
        return groups.membershipsOf(userById(userId).userId());
    }

    public Membership membership(String membershipId) {
        return groups.findMembership(membershipId)
                .orElseThrow(() -> DomainException.notFound("Group membership", membershipId));
    }
}
