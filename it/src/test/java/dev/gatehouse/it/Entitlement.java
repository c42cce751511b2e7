package dev.gatehouse.it;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.server.Services;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A person with a role in an account, set up the way an administrator does it: user, activation link,
 * password, account, permission set and an assignment, directly or through a group. Also the administrator's
 * later changes that must cut that person off.
 *
 * @param group the group that carries the assignment, or null when the user is assigned directly
 */
public record Entitlement(Services services, String userName, String password, String accountId, String accountName,
                   PermissionSet permissionSet, String group) {

    public static final Actor ADMIN = Actor.administratorCli();

    /** ed.developer, holding PowerUserAccess (one-hour sessions) in account 111122223333, assigned directly. */
    public static Builder edDeveloperWithPowerUserAccess() {
        return new Builder();
    }

    /** The role as the portal lists it and GetRoleCredentials takes it: the permission set's name. */
    public String roleName() {
        return permissionSet.name();
    }

    public Duration sessionDuration() {
        return permissionSet.sessionDuration();
    }

    public void disableUser() {
        services.core().identityStore().setStatus(userName, UserStatus.DISABLED, ADMIN, context());
    }

    public void deleteUser() {
        services.core().identityStore().deleteUser(userName, ADMIN, context());
    }

    public void removeFromGroup() {
        services.core().identityStore().removeMember(group, userName, ADMIN, context());
    }

    public void deleteAssignment() {
        PrincipalType type = group == null ? PrincipalType.USER : PrincipalType.GROUP;
        services.core().accessModel().unassign(accountId, permissionSet.name(), type, group == null ? userName : group, ADMIN,
                context());
    }

    private static RequestContext context() {
        return RequestContext.commandLine("it-admin");
    }

    public static final class Builder {

        private String userName = "ed.developer";
        private String password = "Corr3ct-Horse-Battery";
        private String accountId = "111122223333";
        private String accountName = "Development";
        private String permissionSetName = "PowerUserAccess";
        private String sessionDuration = "PT1H";
        private String group;

        public Builder viaGroup(String groupName) {
            this.group = groupName;
            return this;
        }

        public Builder sessionDuration(String isoDuration) {
            this.sessionDuration = isoDuration;
            return this;
        }

        public Entitlement createIn(Services services) {
            RequestContext context = context();
            services.core().identityStore().createUser(new NewUser(userName, "Ed Developer", "Ed", "Developer",
                    userName + "@example.com", false), ADMIN, context);
            String activation = services.core().activations().issue(userName, ADMIN, context);
            services.core().activations().setPassword(activation, password.toCharArray(), context);
            services.core().accessModel().createAccount(accountId, accountName, "aws+dev@example.com", ADMIN, context);
            PermissionSet set = services.core().accessModel().createPermissionSet(new NewPermissionSet(permissionSetName,
                    "Full access except IAM", sessionDuration, List.of("PowerUserAccess"), null, null, null, Map.of()),
                    ADMIN, context);
            if (group == null) {
                services.core().accessModel().assign(accountId, permissionSetName, PrincipalType.USER, userName, ADMIN,
                        context);
            } else {
                services.core().identityStore().createGroup(group, "People who build things", ADMIN, context);
                services.core().identityStore().addMember(group, userName, ADMIN, context);
                services.core().accessModel().assign(accountId, permissionSetName, PrincipalType.GROUP, group, ADMIN,
                        context);
            }
            return new Entitlement(services, userName, password, accountId, accountName, set, group);
        }
    }
}
