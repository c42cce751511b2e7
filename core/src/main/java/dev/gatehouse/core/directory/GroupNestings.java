package dev.gatehouse.core.directory;

import dev.gatehouse.core.error.DomainException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups nested in groups (IAM Identity Center has none): whatever is assigned to a group reaches the members of
 * every group nested in it, to any depth up to {@link #MAX_DEPTH}. Nestings are followed a level at a time, one
 * query a level, and a nesting that would close a cycle or chain more than {@link #MAX_DEPTH} groups is refused.
 */
public final class GroupNestings {

    /** The most nestings one chain of groups may have; the store's access queries follow no more. */
    public static final int MAX_DEPTH = 16;

    private final GroupRepository groups;

    public GroupNestings(GroupRepository groups) {
        this.groups = groups;
    }

    /** The groups the user is in, directly or through groups nested in them. */
    public Set<String> effectiveGroupIdsOf(String userId) {
        Set<String> direct = new LinkedHashSet<>(groups.groupIdsOf(userId));
        Set<String> all = new LinkedHashSet<>(direct);
        walk(direct, groups::nestingsOfChildren, GroupNesting::parentGroupId, all);
        return all;
    }

    /** The group and every group nested in it, at any depth. */
    public Set<String> nestedGroupIdsOf(String groupId) {
        Set<String> all = new LinkedHashSet<>(List.of(groupId));
        walk(Set.of(groupId), groups::nestingsOfParents, GroupNesting::childGroupId, all);
        return all;
    }

    /** The users who are members of the group, directly or through nested groups: those who lose access with it. */
    public Set<String> effectiveMemberIdsOf(String groupId) {
        Set<String> userIds = new LinkedHashSet<>();
        for (String id : nestedGroupIdsOf(groupId)) {
            groups.membersOf(id).forEach(m -> userIds.add(m.userId()));
        }
        return userIds;
    }

    /** Refuses to nest {@code childGroupId} in {@code parentGroupId} if that closes a cycle or chains too deep. */
    public void checkNesting(String parentGroupId, String childGroupId, String childName) {
        if (parentGroupId.equals(childGroupId)) {
            throw DomainException.invalid("members", "A group cannot be a member of itself");
        }
        Set<String> above = new LinkedHashSet<>();
        int levelsAbove = walk(Set.of(parentGroupId), groups::nestingsOfChildren, GroupNesting::parentGroupId, above);
        if (above.contains(childGroupId)) {
            throw DomainException.invalid("members", "The group " + childName
                    + " already holds this group, directly or through nested groups: nesting it here would make a cycle");
        }
        int levelsBelow = walk(Set.of(childGroupId), groups::nestingsOfParents, GroupNesting::childGroupId,
                new LinkedHashSet<>());
        if (levelsAbove + 1 + levelsBelow > MAX_DEPTH) {
            throw DomainException.invalid("members", "Groups may be nested at most " + MAX_DEPTH
                    + " levels deep; nesting " + childName + " here would make " + (levelsAbove + 1 + levelsBelow));
        }
    }

    /**
     * Follows nestings from {@code start} a level at a time, adding what it reaches to {@code reached}; returns the
     * length of the longest chain it followed. It stops after {@link #MAX_DEPTH} + 1 levels, so a cycle written
     * behind core's back cannot hold it.
     */
    private static int walk(Set<String> start, Function<Collection<String>, List<GroupNesting>> step,
                            Function<GroupNesting, String> next, Set<String> reached) {
        Set<String> frontier = start;
        int levels = 0;
        while (!frontier.isEmpty() && levels <= MAX_DEPTH) {
            Set<String> following = new LinkedHashSet<>();
            step.apply(frontier).forEach(n -> following.add(next.apply(n)));
            if (following.isEmpty()) {
                break;
            }
            reached.addAll(following);
            frontier = following;
            levels++;
        }
        return levels;
    }
}
