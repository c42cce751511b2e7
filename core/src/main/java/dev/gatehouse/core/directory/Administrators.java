package dev.gatehouse.core.directory;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.util.Optional;

/**
 * Who may use the admin console: users with the administrator flag, and members of the configured admin group
 * (so a directory's own group can carry the right, also through groups nested in it). Asked on every request, so a change takes effect at once.
 */
public final class Administrators {

    private final GroupRepository groups;
    private final String adminGroup;

    /** @param adminGroup the display name of the group whose members administer Gatehouse, or null for none */
    public Administrators(GroupRepository groups, String adminGroup) {
        this.groups = groups;
        this.adminGroup = adminGroup == null || adminGroup.isBlank() ? null : adminGroup.strip();
    }

    public boolean isAdministrator(User user) {
        if (user.administrator()) {
            return true;
        }
        return adminGroup != null && groups.findByDisplayName(adminGroup)
                .map(group -> new GroupNestings(groups).effectiveGroupIdsOf(user.userId()).contains(group.groupId()))
                .orElse(false);
    }

    /** The configured admin group's name, if any. */
    public Optional<String> group() {
        return Optional.ofNullable(adminGroup);
    }

    /** Whether the admin group exists and anyone is in it, directly or through a nested group. */
    public boolean anyThroughGroup() {
        return adminGroup != null && groups.findByDisplayName(adminGroup)
                .map(group -> !new GroupNestings(groups).effectiveMemberIdsOf(group.groupId()).isEmpty())
                .orElse(false);
    }

    public void require(User user) {
        if (!user.enabled() || !isAdministrator(user)) {
            throw new DomainException(new DomainError.AccessDenied(
                    "The admin console is for administrators. Ask one to give you access if you need it."));
        }
    }
}
