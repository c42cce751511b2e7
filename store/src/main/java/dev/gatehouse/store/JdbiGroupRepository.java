package dev.gatehouse.store;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNesting;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.error.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiGroupRepository implements GroupRepository {

    private static final String COLUMNS = "group_id, display_name, description, created_at";

    private final Handles handles;

    JdbiGroupRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(Group group) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO directory_groups (group_id, display_name, display_name_lc, description, created_at)
                        VALUES (:groupId, :displayName, :displayNameLc, :description, :createdAt)""")
                        .bind("groupId", group.groupId())
                        .bind("displayName", group.displayName())
                        .bind("displayNameLc", Names.lowerCase(group.displayName()))
                        .bind("description", group.description())
                        .bind("createdAt", EpochNanos.of(group.createdAt()))
                        .execute(),
                violation -> DomainException.exists("Group", group.displayName())));
    }

    @Override
    public void update(Group group) {
        int updated = handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        UPDATE directory_groups SET display_name = :displayName, display_name_lc = :displayNameLc,
                               description = :description
                        WHERE group_id = :groupId""")
                        .bind("groupId", group.groupId())
                        .bind("displayName", group.displayName())
                        .bind("displayNameLc", Names.lowerCase(group.displayName()))
                        .bind("description", group.description())
                        .execute(),
                violation -> DomainException.exists("Group", group.displayName())));
        if (updated == 0) {
            throw DomainException.notFound("Group", group.groupId());
        }
    }

    @Override
    public void delete(String groupId) {
        handles.atomically(h -> {
            // Memberships and nestings go by foreign key; assignments name their principal without one.
            h.createUpdate("DELETE FROM account_assignments WHERE principal_type = 'GROUP' AND principal_id = :groupId")
                    .bind("groupId", groupId)
                    .execute();
            return h.createUpdate("DELETE FROM directory_groups WHERE group_id = :groupId")
                    .bind("groupId", groupId)
                    .execute();
        });
    }

    @Override
    public Optional<Group> findById(String groupId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM directory_groups WHERE group_id = :groupId")
                .bind("groupId", groupId)
                .map(JdbiGroupRepository::map)
                .findOne());
    }

    /** Case-insensitive, like the uniqueness of display names. */
    @Override
    public Optional<Group> findByDisplayName(String displayName) {
        return handles.call(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM directory_groups WHERE display_name_lc = :displayNameLc")
                .bind("displayNameLc", Names.lowerCase(displayName))
                .map(JdbiGroupRepository::map)
                .findOne());
    }

    @Override
    public List<Group> list(String afterDisplayName, int limit) {
        Keyset page = new Keyset("display_name_lc", Names.lowerCase(afterDisplayName), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery(
                        "SELECT " + COLUMNS + " FROM directory_groups WHERE " + page.condition() + page.orderAndLimit()))
                .map(JdbiGroupRepository::map)
                .list());
    }

    @Override
    public void addMember(Membership membership) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO group_memberships (membership_id, group_id, user_id)
                        VALUES (:membershipId, :groupId, :userId)""")
                        .bind("membershipId", membership.membershipId())
                        .bind("groupId", membership.groupId())
                        .bind("userId", membership.userId())
                        .execute(),
                violation -> {
                    if (violation.duplicate()) {
                        return DomainException.exists("GroupMembership", membership.userId() + " in " + membership.groupId());
                    }
                    return violation.of("fk_group_memberships_user")
                            ? DomainException.notFound("User", membership.userId())
                            : DomainException.notFound("Group", membership.groupId());
                }));
    }

    @Override
    public boolean removeMember(String groupId, String userId) {
        return handles.call(h -> h.createUpdate("DELETE FROM group_memberships WHERE group_id = :groupId AND user_id = :userId")
                .bind("groupId", groupId)
                .bind("userId", userId)
                .execute()) > 0;
    }

    @Override
    public List<Membership> membersOf(String groupId) {
        return handles.call(h -> h.createQuery("""
                        SELECT membership_id, group_id, user_id FROM group_memberships
                        WHERE group_id = :groupId ORDER BY user_id""")
                .bind("groupId", groupId)
                .map((row, context) -> new Membership(
                        row.getString("membership_id"), row.getString("group_id"), row.getString("user_id")))
                .list());
    }

    @Override
    public List<String> groupIdsOf(String userId) {
        return handles.call(h -> h.createQuery("SELECT group_id FROM group_memberships WHERE user_id = :userId ORDER BY group_id")
                .bind("userId", userId)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return handles.call(h -> h.createQuery("""
                        SELECT membership_id, group_id, user_id FROM group_memberships
                        WHERE user_id = :userId ORDER BY group_id""")
                .bind("userId", userId)
                .map(JdbiGroupRepository::membership)
                .list());
    }

    @Override
    public Optional<Membership> findMembership(String membershipId) {
        return handles.call(h -> h.createQuery("""
                        SELECT membership_id, group_id, user_id FROM group_memberships
                        WHERE membership_id = :membershipId""")
                .bind("membershipId", membershipId)
                .map(JdbiGroupRepository::membership)
                .findOne());
    }

    private static Membership membership(ResultSet row, StatementContext context) throws SQLException {
        return new Membership(row.getString("membership_id"), row.getString("group_id"), row.getString("user_id"));
    }

    @Override
    public List<Group> groupsOf(String userId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM directory_groups
                        WHERE group_id IN (SELECT group_id FROM group_memberships WHERE user_id = :userId)
                        ORDER BY display_name_lc""")
                .bind("userId", userId)
                .map(JdbiGroupRepository::map)
                .list());
    }

    private static Group map(ResultSet row, StatementContext context) throws SQLException {
        return new Group(row.getString("group_id"), row.getString("display_name"), row.getString("description"),
                EpochNanos.read(row, "created_at"));
    }

    @Override
    public void addNesting(GroupNesting nesting) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO group_nestings (parent_group_id, child_group_id)
                        VALUES (:parentGroupId, :childGroupId)""")
                        .bind("parentGroupId", nesting.parentGroupId())
                        .bind("childGroupId", nesting.childGroupId())
                        .execute(),
                violation -> {
                    if (violation.duplicate()) {
                        return DomainException.exists("GroupNesting",
                                nesting.childGroupId() + " in " + nesting.parentGroupId());
                    }
                    return DomainException.notFound("Group", violation.of("fk_group_nestings_parent")
                            ? nesting.parentGroupId() : nesting.childGroupId());
                }));
    }

    @Override
    public boolean removeNesting(String parentGroupId, String childGroupId) {
        return handles.call(h -> h.createUpdate("""
                        DELETE FROM group_nestings WHERE parent_group_id = :parentGroupId AND child_group_id = :childGroupId""")
                .bind("parentGroupId", parentGroupId)
                .bind("childGroupId", childGroupId)
                .execute()) > 0;
    }

    @Override
    public List<Group> nestedGroupsOf(String groupId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM directory_groups
                        WHERE group_id IN (SELECT child_group_id FROM group_nestings WHERE parent_group_id = :groupId)
                        ORDER BY display_name_lc""")
                .bind("groupId", groupId)
                .map(JdbiGroupRepository::map)
                .list());
    }

    /** Served by the (child_group_id, parent_group_id) index. */
    @Override
    public List<GroupNesting> nestingsOfChildren(Collection<String> childGroupIds) {
        return nestings("child_group_id", childGroupIds);
    }

    /** Served by the primary key, whose first column is the parent. */
    @Override
    public List<GroupNesting> nestingsOfParents(Collection<String> parentGroupIds) {
        return nestings("parent_group_id", parentGroupIds);
    }

    private List<GroupNesting> nestings(String column, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> h.createQuery(
                        "SELECT parent_group_id, child_group_id FROM group_nestings WHERE " + column + " IN (<ids>)")
                .bindList("ids", List.copyOf(groupIds))
                .map((row, context) -> new GroupNesting(row.getString("parent_group_id"),
                        row.getString("child_group_id")))
                .list());
    }
}
