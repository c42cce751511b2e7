package dev.gatehouse.core.scim;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimExternalIdRepository.Kind;
import dev.gatehouse.core.storage.Transactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SCIM groups over the directory's groups and memberships, changed through {@link IdentityStoreService}: a member
 * removed loses their sessions at once, as when an administrator removes them. A member may be a user or another
 * group (nested groups; a cycle is refused as {@code invalidValue}), and a group keeps its name (renaming is refused
 * as {@code mutability}).
 */
public final class ScimGroups {

    private final GroupRepository groups;
    private final UserRepository users;
    private final ScimExternalIdRepository externalIds;
    private final IdentityStoreService identityStore;
    private final Transactions transactions;

    public ScimGroups(GroupRepository groups, UserRepository users, ScimExternalIdRepository externalIds,
                      IdentityStoreService identityStore, Transactions transactions) {
        this.groups = groups;
        this.users = users;
        this.externalIds = externalIds;
        this.identityStore = identityStore;
        this.transactions = transactions;
    }

    public ScimGroup create(String displayName, String externalId, List<String> memberIds, Actor actor,
                            RequestContext context) {
        ScimPage.checkExternalId(externalId);
        checkMemberCount(memberIds);
        return transactions.inTransaction(() -> {
            Group group = identityStore.createGroup(displayName, null, actor, context);
            if (externalId != null) {
                externalIds.put(Kind.GROUP, group.groupId(), externalId);
            }
            changeMembers(group, Map.of(), new LinkedHashSet<>(memberIds), actor, context);
            return toScim(group, externalId);
        });
    }

    public ScimGroup get(String id) {
        Group group = identityStore.groupById(id);
        return toScim(group, externalIds.find(Kind.GROUP, id).orElse(null));
    }

    /** PUT: the group's members and externalId become what was sent. */
    public ScimGroup replace(String id, String displayName, String externalId, List<String> memberIds, Actor actor,
                             RequestContext context) {
        return replace(id, displayName, externalId, memberIds, null, actor, context);
    }

    /** PUT, if the group is still at a version {@code ifMatch} names (null: whatever version). */
    public ScimGroup replace(String id, String displayName, String externalId, List<String> memberIds,
                             String ifMatch, Actor actor, RequestContext context) {
        checkMemberCount(memberIds);
        return transactions.inTransaction(() -> {
            ScimGroup current = get(id);
            ScimVersion.require(ifMatch, current.version());
            return store(current, new ScimPatch.GroupChange(new LinkedHashSet<>(memberIds), displayName, externalId,
                    true), actor, context);
        });
    }

    public ScimGroup patch(String id, List<ScimPatch.Operation> operations, Actor actor, RequestContext context) {
        return patch(id, operations, null, actor, context);
    }

    /** PATCH, if the group is still at a version {@code ifMatch} names (null: whatever version). */
    public ScimGroup patch(String id, List<ScimPatch.Operation> operations, String ifMatch, Actor actor,
                           RequestContext context) {
        return transactions.inTransaction(() -> {
            ScimGroup current = get(id);
            ScimVersion.require(ifMatch, current.version());
            return store(current, ScimPatch.applyToGroup(current, operations), actor, context);
        });
    }

    /** Deletes the group, if still at a version {@code ifMatch} names (null: whatever version). */
    public void delete(String id, String ifMatch, Actor actor, RequestContext context) {
        transactions.run(() -> {
            ScimGroup current = get(id);
            ScimVersion.require(ifMatch, current.version());
            identityStore.deleteGroup(current.displayName(), actor, context);
        });
    }

    public ScimPage<ScimGroup> list(String filter, Integer startIndex, Integer count) {
        ScimFilter parsed = filter == null || filter.isBlank() ? null
                : ScimFilter.parse(filter, ScimGroup.FILTERABLE, ScimGroup.CASE_EXACT);
        Map<String, String> external = externalIds.all(Kind.GROUP);
        List<ScimGroup> matches = new ArrayList<>();
        for (Group group : ScimPage.everyRow(groups::list, Group::displayName)) {
            ScimGroup scim = toScim(group, external.get(group.groupId()));
            if (parsed == null || parsed.matches(scim::values)) {
                matches.add(scim);
            }
        }
        return ScimPage.of(matches, startIndex, count);
    }

    private ScimGroup store(ScimGroup current, ScimPatch.GroupChange change, Actor actor, RequestContext context) {
        if (change.displayName() == null || !change.displayName().strip().equals(current.displayName())) {
            throw ScimFields.readOnly("A group's displayName cannot be changed through SCIM yet");
        }
        if (change.externalIdSet() && !Objects.equals(change.externalId(), current.externalId())) {
            ScimPage.checkExternalId(change.externalId());
            externalIds.put(Kind.GROUP, current.id(), change.externalId());
        }
        Map<String, ScimGroup.Member> before = new LinkedHashMap<>();
        current.members().forEach(m -> before.put(m.value(), m));
        Group group = identityStore.groupById(current.id());
        changeMembers(group, before, change.memberIds(), actor, context);
        return get(current.id());
    }

    /** Adds the members in {@code after} and not {@code before}, then removes those no longer in it. */
    private void changeMembers(Group group, Map<String, ScimGroup.Member> before, Set<String> after, Actor actor,
                               RequestContext context) {
        for (String id : after) {
            if (!before.containsKey(id)) {
                Optional<User> user = users.findById(id);
                if (user.isPresent()) {
                    identityStore.addMember(group.displayName(), user.get().userName(), actor, context);
                } else {
                    Group nested = groups.findById(id).orElseThrow(() -> DomainException.invalid("members",
                            "No user or group has the id '" + (id.length() > 64 ? id.substring(0, 64) : id) + "'"));
                    identityStore.nestGroup(group.displayName(), nested.displayName(), actor, context);
                }
            }
        }
        for (ScimGroup.Member member : before.values()) {
            if (!after.contains(member.value())) {
                switch (member.type()) {
                    case User -> identityStore.removeMember(group.displayName(),
                            identityStore.userById(member.value()).userName(), actor, context);
                    case Group -> identityStore.unnestGroup(group.displayName(),
                            identityStore.groupById(member.value()).displayName(), actor, context);
                }
            }
        }
    }

    private static void checkMemberCount(Collection<String> memberIds) {
        if (memberIds.size() > ScimPatch.MAX_MEMBERS) {
            throw ScimFields.syntax("One request may name at most " + ScimPatch.MAX_MEMBERS + " members");
        }
    }

    private ScimGroup toScim(Group group, String externalId) {
        // One query a batch of members, not one a member.
        List<ScimGroup.Member> members = ScimPage.everyRow(
                        (after, limit) -> users.membersOf(group.groupId(), after, limit), User::userName).stream()
                .map(u -> new ScimGroup.Member(u.userId(), u.userName(), ScimGroup.Type.User))
                .collect(Collectors.toCollection(ArrayList::new));
        groups.nestedGroupsOf(group.groupId()).forEach(g ->
                members.add(new ScimGroup.Member(g.groupId(), g.displayName(), ScimGroup.Type.Group)));
        return new ScimGroup(group.groupId(), group.displayName(), externalId, members, group.createdAt());
    }
}
