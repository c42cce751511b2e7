package dev.gatehouse.core.portal;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.CredentialMinter;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.PortalSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a signed-in user holds and the credentials it gets them, whichever door they came through: a bearer token
 * of the sso API or a browser session of the portal pages. The caller has already checked that the session is
 * active and the user enabled; everything here re-reads the assignments, so a removed one counts at once.
 */
public final class Entitlements {

    private final AssignmentRepository assignments;
    private final AccountRepository accounts;
    private final PermissionSetRepository permissionSets;
    private final Clock clock;
    private final AuditLog audit;
    private final CredentialMinter minter;

    public Entitlements(AssignmentRepository assignments, AccountRepository accounts,
                        PermissionSetRepository permissionSets, Clock clock, AuditLog audit,
                        CredentialMinter minter) {
        this.assignments = assignments;
        this.accounts = accounts;
        this.permissionSets = permissionSets;
        this.clock = clock;
        this.audit = audit;
        this.minter = minter;
    }

    /** Accounts where the user holds a role, by id, after {@code afterAccountId} (null: from the start). */
    List<Account> accounts(User user, String afterAccountId, int limit) {
        return assignments.accountsOfUser(user.userId(), afterAccountId, limit);
    }

    /**
     * The roles (permission sets) the user holds in one account, by name, after {@code afterName}. The account id
     * is the caller's to check first, so each door reports a bad one before its other parameters.
     */
    List<PermissionSet> roles(User user, String accountId, String afterName, int limit) {
        return assignments.permissionSetsOfUser(user.userId(), accountId, afterName, limit);
    }

    /** Credentials and the role they were minted for, named as the permission set spells it. */
    record Minted(PermissionSet permissionSet, RoleCredentials credentials) { }

    /** The account, when the user holds at least one role in it. */
    Optional<Account> account(User user, String accountId) {
        return roles(user, accountId, null, 1).isEmpty() ? Optional.empty() : accounts.findById(accountId);
    }

    /**
     * Fresh credentials for a role the user holds, sealed with the session's id so that they fail as soon as the
     * session ends. Audited as GetRoleCredentials, refusals included.
     */
    Minted credentials(PortalSession session, User user, String accountId, String roleName,
                                RequestContext context) {
        requireAccountId(accountId);
        if (roleName == null || roleName.isBlank()) {
            throw DomainException.invalid("role_name", "role_name is required");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("accountId", accountId);
        parameters.put("roleName", roleName);
        Actor actor = Actor.user(user.userId(), user.userName());
        PermissionSet set = permissionSets.findByName(roleName)
                .filter(s -> assignments.userHolds(user.userId(), accountId, s.permissionSetArn()))
                .orElse(null);
        if (set == null) {
            DomainError error = new DomainError.NotFound("Role", roleName, "No access");
            audit.as(actor, EventSource.PORTAL, context).failure("GetRoleCredentials", parameters, error);
            throw new DomainException(error);
        }
        RoleCredentials credentials = minter.mint(session.sessionId(), user, accountId, set, clock.instant());
        // A read: no transaction of its own, the event is group-committed with other requests' (store's audit).
        audit.as(actor, EventSource.PORTAL, context).success("GetRoleCredentials", parameters,
                Map.of("accessKeyId", credentials.accessKeyId(), "expiration", credentials.expiration().toString()));
        return new Minted(set, credentials);
    }

    static void requireAccountId(String accountId) {
        if (!isAccountId(accountId)) {
            throw DomainException.invalid("account_id", "account_id must be 12 digits");
        }
    }

    /** Twelve ASCII digits; checked by hand because String.matches compiles its pattern on every call. */
    static boolean isAccountId(String accountId) {
        if (accountId == null || accountId.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = accountId.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
