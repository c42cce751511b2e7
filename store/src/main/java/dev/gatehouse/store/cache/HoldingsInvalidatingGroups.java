package dev.gatehouse.store.cache;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNesting;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.Membership;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Groups read through; a change to who belongs where (or a deleted group's assignments) clears the holdings. */
final class HoldingsInvalidatingGroups implements GroupRepository {

    private final GroupRepository delegate;
    private final Invalidations invalidations;

    HoldingsInvalidatingGroups(GroupRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    private void holdingsChanged() {
        invalidations.changedAll(CacheName.HOLDINGS);
    }

    @Override
    public void insert(Group group) {
        delegate.insert(group);
    }

    @Override
    public void update(Group group) {
        delegate.update(group);
    }

    @Override
    public void delete(String groupId) {
        delegate.delete(groupId);
        holdingsChanged();
    }

    @Override
    public Optional<Group> findById(String groupId) {
        return delegate.findById(groupId);
    }

    @Override
    public Optional<Group> findByDisplayName(String displayName) {
        return delegate.findByDisplayName(displayName);
    }

    @Override
    public List<Group> list(String afterDisplayName, int limit) {
        return delegate.list(afterDisplayName, limit);
    }

    @Override
    public void addMember(Membership membership) {
        delegate.addMember(membership);
        holdingsChanged();
    }

    @Override
    public boolean removeMember(String groupId, String userId) {
        boolean removed = delegate.removeMember(groupId, userId);
        holdingsChanged();
        return removed;
    }

    @Override
    public List<Membership> membersOf(String groupId) {
        return delegate.membersOf(groupId);
    }

    @Override
    public List<String> groupIdsOf(String userId) {
        return delegate.groupIdsOf(userId);
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return delegate.membershipsOf(userId);
    }

    @Override
    public Optional<Membership> findMembership(String membershipId) {
        return delegate.findMembership(membershipId);
    }

    @Override
    public List<Group> groupsOf(String userId) {
        return delegate.groupsOf(userId);
    }

    @Override
    public void addNesting(GroupNesting nesting) {
        delegate.addNesting(nesting);
        holdingsChanged();
    }

    @Override
    public boolean removeNesting(String parentGroupId, String childGroupId) {
        boolean removed = delegate.removeNesting(parentGroupId, childGroupId);
        holdingsChanged();
        return removed;
    }

    @Override
    public List<Group> nestedGroupsOf(String groupId) {
        return delegate.nestedGroupsOf(groupId);
    }

    @Override
    public List<GroupNesting> nestingsOfChildren(Collection<String> childGroupIds) {
        return delegate.nestingsOfChildren(childGroupIds);
    }

    @Override
    public List<GroupNesting> nestingsOfParents(Collection<String> parentGroupIds) {
        return delegate.nestingsOfParents(parentGroupIds);
    }
}
