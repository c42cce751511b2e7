package dev.gatehouse.core.directory;

import java.util.List;
import java.util.Optional;

public interface GroupRepository {

    /** A duplicate display name (case-insensitive) fails with DomainError.AlreadyExists. */
    void insert(Group group);

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

    /** The groups a user belongs to, ordered by display name. */
    List<Group> groupsOf(String userId);
}
