package dev.gatehouse.core.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface GroupRepository {

    /** A duplicate display name (case-insensitive) fails with DomainError.AlreadyExists. */
    void insert(Group group);

    /**
     * Saves a group's display name and description; a display name another group has (case-insensitive) fails with
     * DomainError.AlreadyExists, an unknown group with DomainError.NotFound.
     */
    void update(Group group);

    /** Deletes the group with its memberships and assignments. */
    void delete(String groupId);

    Optional<Group> findById(String groupId);

    Optional<Group> findByDisplayName(String displayName);

    /** Ordered by display name, after {@code afterDisplayName} (null: from the start). */
    List<Group> list(String afterDisplayName, int limit);

    /** A second membership of the same user in the same group fails with DomainError.AlreadyExists. */
    void addMember(Membership membership);

    /** Returns whether a membership was removed. */
    boolean removeMember(String groupId, String userId);

    List<Membership> membersOf(String groupId);

    List<String> groupIdsOf(String userId);

    /** The user's direct memberships, by group id. */
    List<Membership> membershipsOf(String userId);

    Optional<Membership> findMembership(String membershipId);

    /** The groups a user belongs to, ordered by display name. */
    List<Group> groupsOf(String userId);

    /**
     * Makes one group a member of another. The same nesting twice fails with DomainError.AlreadyExists, an unknown
     * group with DomainError.NotFound; cycles and depth are refused by {@link GroupNestings} before this is called.
     */
    void addNesting(GroupNesting nesting);

    /** Returns whether a nesting was removed. */
    boolean removeNesting(String parentGroupId, String childGroupId);

    /** The groups directly nested in this group, ordered by display name. */
    List<Group> nestedGroupsOf(String groupId);

    /** The nestings whose child is one of these groups: one step up. */
    List<GroupNesting> nestingsOfChildren(Collection<String> childGroupIds);

    /** The nestings whose parent is one of these groups: one step down. */
    List<GroupNesting> nestingsOfParents(Collection<String> parentGroupIds);
}
