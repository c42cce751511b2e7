package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNesting;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.error.DomainException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Groups, unique by lower-cased display name, and their memberships (one per user and group). */
final class InMemoryGroups implements GroupRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryGroups(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(Group group) {
        statements.run(() -> {
            boolean nameTaken = tables.groups.rows()
                    .anyMatch(g -> lowerCase(g.displayName()).equals(lowerCase(group.displayName())));
            if (nameTaken || tables.groups.contains(group.groupId())) {
                throw DomainException.exists("Group", group.displayName());
            }
            tables.groups.put(group.groupId(), group);
        });
    }

    @Override
    public void update(Group group) {
        statements.run(() -> {
            if (!tables.groups.contains(group.groupId())) {
                throw DomainException.notFound("Group", group.groupId());
            }
            boolean nameTaken = tables.groups.rows().anyMatch(g -> !g.groupId().equals(group.groupId())
                    && lowerCase(g.displayName()).equals(lowerCase(group.displayName())));
            if (nameTaken) {
                throw DomainException.exists("Group", group.displayName());
            }
            tables.groups.put(group.groupId(), group);
        });
    }

    /** Memberships go by foreign key; assignments name their principal without one and are deleted explicitly. */
    @Override
    public void delete(String groupId) {
        statements.run(() -> {
            tables.assignments.removeIf(a -> a.principalType() == PrincipalType.GROUP
                    && a.principalId().equals(groupId));
            if (tables.groups.remove(groupId)) {
                tables.memberships.removeIf(m -> m.groupId().equals(groupId));
                tables.nestings.removeIf(n -> n.parentGroupId().equals(groupId) || n.childGroupId().equals(groupId));
            }
        });
    }

    @Override
    public Optional<Group> findById(String groupId) {
        return statements.read("GroupRepository.findById", () -> tables.groups.get(groupId));
    }

    @Override
    public Optional<Group> findByDisplayName(String displayName) {
        return statements.read("GroupRepository.findByDisplayName", () -> tables.groups.rows()
                .filter(g -> lowerCase(g.displayName()).equals(lowerCase(displayName)))
                .findFirst());
    }

    @Override
    public List<Group> list(String afterDisplayName, int limit) {
        return statements.read("GroupRepository.list", () -> Keysets.page(tables.groups.rows(),
                g -> lowerCase(g.displayName()), lowerCase(afterDisplayName), limit));
    }

    @Override
    public void addMember(Membership membership) {
        statements.run(() -> {
            boolean member = tables.memberships.rows().anyMatch(m -> m.groupId().equals(membership.groupId())
                    && m.userId().equals(membership.userId()));
            if (member || tables.memberships.contains(membership.membershipId())) {
                throw DomainException.exists("GroupMembership", membership.userId() + " in " + membership.groupId());
            }
            tables.requireUser(membership.userId());
            if (!tables.groups.contains(membership.groupId())) {
                throw DomainException.notFound("Group", membership.groupId());
            }
            tables.memberships.put(membership.membershipId(), membership);
        });
    }

    @Override
    public boolean removeMember(String groupId, String userId) {
        return statements.write(() -> tables.memberships.removeIf(m -> m.groupId().equals(groupId)
                && m.userId().equals(userId)) > 0);
    }

    @Override
    public List<Membership> membersOf(String groupId) {
        return statements.read("GroupRepository.membersOf", () -> tables.memberships.rows()
                .filter(m -> m.groupId().equals(groupId))
                .sorted(Comparator.comparing(Membership::userId))
                .toList());
    }

    @Override
    public List<String> groupIdsOf(String userId) {
        return statements.read("GroupRepository.groupIdsOf", () -> tables.memberships.rows()
                .filter(m -> m.userId().equals(userId))
                .map(Membership::groupId)
                .sorted()
                .toList());
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return statements.read("GroupRepository.membershipsOf", () -> tables.memberships.rows()
                .filter(m -> m.userId().equals(userId))
                .sorted(Comparator.comparing(Membership::groupId))
                .toList());
    }

    @Override
    public Optional<Membership> findMembership(String membershipId) {
        return statements.read("GroupRepository.findMembership", () -> tables.memberships.rows()
                .filter(m -> m.membershipId().equals(membershipId))
                .findFirst());
    }

    @Override
    public List<Group> groupsOf(String userId) {
        return statements.read("GroupRepository.groupsOf", () -> {
            List<String> groupIds = tables.memberships.rows().filter(m -> m.userId().equals(userId))
                    .map(Membership::groupId).toList();
            return tables.groups.rows().filter(g -> groupIds.contains(g.groupId()))
                    .sorted(Comparator.comparing(g -> lowerCase(g.displayName())))
                    .toList();
        });
    }

    @Override
    public void addNesting(GroupNesting nesting) {
        statements.run(() -> {
            if (tables.nestings.contains(nesting)) {
                throw DomainException.exists("GroupNesting", nesting.childGroupId() + " in " + nesting.parentGroupId());
            }
            for (String groupId : List.of(nesting.parentGroupId(), nesting.childGroupId())) {
                if (!tables.groups.contains(groupId)) {
                    throw DomainException.notFound("Group", groupId);
                }
            }
            if (nesting.parentGroupId().equals(nesting.childGroupId())) {
                throw new IllegalStateException("ck_group_nestings_not_self");
            }
            tables.nestings.put(nesting, nesting);
        });
    }

    @Override
    public boolean removeNesting(String parentGroupId, String childGroupId) {
        return statements.write(() -> tables.nestings.remove(new GroupNesting(parentGroupId, childGroupId)));
    }

    @Override
    public List<Group> nestedGroupsOf(String groupId) {
        return statements.read("GroupRepository.nestedGroupsOf", () -> tables.nestings.rows()
                .filter(n -> n.parentGroupId().equals(groupId))
                .map(n -> tables.groups.get(n.childGroupId()).orElseThrow())
                .sorted(Comparator.comparing(g -> lowerCase(g.displayName())))
                .toList());
    }

    @Override
    public List<GroupNesting> nestingsOfChildren(Collection<String> childGroupIds) {
        return statements.read("GroupRepository.nestingsOfChildren", () -> tables.nestings.rows()
                .filter(n -> childGroupIds.contains(n.childGroupId()))
                .toList());
    }

    @Override
    public List<GroupNesting> nestingsOfParents(Collection<String> parentGroupIds) {
        return statements.read("GroupRepository.nestingsOfParents", () -> tables.nestings.rows()
                .filter(n -> parentGroupIds.contains(n.parentGroupId()))
                .toList());
    }
}
