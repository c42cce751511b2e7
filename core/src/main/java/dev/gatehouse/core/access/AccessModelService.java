package dev.gatehouse.core.access;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNestings;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.error.Inputs;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Accounts, permission sets and account assignments. Every change is audited in the same transaction. */
public final class AccessModelService {

    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern PERMISSION_SET_NAME = Pattern.compile("^[\\w+=,.@-]{1,32}$");
    private static final Duration MIN_SESSION = Duration.ofHours(1);
    private static final Duration MAX_SESSION = Duration.ofHours(12);

    private final AccountRepository accounts;
    private final PermissionSetRepository permissionSets;
    private final AssignmentRepository assignments;
    private final UserRepository users;
    private final GroupRepository groups;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Supplier<Instance> instance;

    public AccessModelService(AccountRepository accounts, PermissionSetRepository permissionSets,
                              AssignmentRepository assignments, UserRepository users, GroupRepository groups,
                              SessionRepository sessions, Transactions transactions, Clock clock, AuditLog audit,
                              Supplier<Instance> instance) {
        this.accounts = accounts;
        this.permissionSets = permissionSets;
        this.assignments = assignments;
        this.users = users;
        this.groups = groups;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.instance = instance;
    }

    public Account createAccount(String accountId, String name, String email, Actor actor, RequestContext context) {
        String id = Inputs.matching("accountId", accountId, ACCOUNT_ID, "must be exactly 12 digits");
        Account account = new Account(id, Inputs.required("name", name, 50), Inputs.email("email", email),
                clock.instant());
        return transactions.inTransaction(() -> {
            accounts.insert(account);
            audit.as(actor, EventSource.ORGANIZATIONS, context).success("CreateAccount",
                    Map.of("accountId", id, "accountName", account.name()));
            return account;
        });
    }

    public Account account(String accountIdOrName) {
        return accounts.findById(accountIdOrName)
                .or(() -> accounts.findByName(accountIdOrName))
                .orElseThrow(() -> DomainException.notFound("Account", accountIdOrName));
    }

    public List<Account> listAccounts(String afterAccountId, int limit) {
        return accounts.list(afterAccountId, limit);
    }

    public Page<Account> accountPage(String afterAccountId, int limit) {
        return Page.fromOneMore(accounts.list(afterAccountId, limit + 1), limit, Account::accountId);
    }

    public void deleteAccount(String accountIdOrName, Actor actor, RequestContext context) {
        Account account = account(accountIdOrName);
        transactions.run(() -> {
            accounts.delete(account.accountId());
            audit.as(actor, EventSource.ORGANIZATIONS, context).success("CloseAccount",
                    Map.of("accountId", account.accountId()));
        });
    }

    /** @param permissionsBoundary an AWS managed policy's name or ARN, or null for none */
    public record NewPermissionSet(String name, String description, String sessionDuration,
                                   List<String> managedPolicies, String inlinePolicy, String permissionsBoundary,
                                   String relayState, Map<String, String> tags) { }

    public PermissionSet createPermissionSet(NewPermissionSet request, Actor actor, RequestContext context) {
        String name = Inputs.matching("name", request.name(), PERMISSION_SET_NAME,
                "must be 1-32 characters of letters, digits and +=,.@-_");
        Duration duration = sessionDuration(request.sessionDuration());
        List<String> policies = managedPolicies(request.managedPolicies());
        String ssoInstanceId = instance.get().instanceId();
        PermissionSet set = new PermissionSet(
                "arn:aws:sso:::permissionSet/" + ssoInstanceId + "/ps-" + Secrets.randomHex(16), name,
                Inputs.optional("description", request.description(), 700), duration, policies,
                InlinePolicies.valid(request.inlinePolicy()), permissionsBoundary(request.permissionsBoundary()),
                Inputs.optional("relayState", request.relayState(), 240), Tags.valid(request.tags()),
                Secrets.randomHex(16), clock.instant());
        return transactions.inTransaction(() -> {
            permissionSets.insert(set);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("name", name);
            parameters.put("sessionDuration", duration.toString());
            parameters.put("managedPolicies", policies);
            if (set.permissionsBoundary() != null) {
                parameters.put("permissionsBoundary", set.permissionsBoundary());
            }
            audit.as(actor, EventSource.SSO_ADMIN, context).success("CreatePermissionSet",
                    parameters, Map.of("permissionSetArn", set.permissionSetArn()));
            return set;
        });
    }

    /**
     * Everything about a permission set but its name, ARN and role name, which are fixed at creation as in AWS.
     * Credentials already issued keep their expiry; the next ones follow the new settings.
     */
    public record PermissionSetChanges(String description, String sessionDuration, List<String> managedPolicies,
                                       String inlinePolicy, String permissionsBoundary, String relayState,
                                       Map<String, String> tags) { }

    public PermissionSet updatePermissionSet(String nameOrArn, PermissionSetChanges changes, Actor actor,
                                             RequestContext context) {
        Duration duration = sessionDuration(changes.sessionDuration());
        List<String> policies = managedPolicies(changes.managedPolicies());
        String description = Inputs.optional("description", changes.description(), 700);
        String inlinePolicy = InlinePolicies.valid(changes.inlinePolicy());
        String boundary = permissionsBoundary(changes.permissionsBoundary());
        String relayState = Inputs.optional("relayState", changes.relayState(), 240);
        Map<String, String> tags = Tags.valid(changes.tags());
        return transactions.inTransaction(() -> {
            PermissionSet current = permissionSets.findByArn(nameOrArn)
                    .or(() -> permissionSets.findByName(nameOrArn))
                    .orElseThrow(() -> DomainException.notFound("Permission set", nameOrArn));
            PermissionSet changed = new PermissionSet(current.permissionSetArn(), current.name(), description,
                    duration, policies, inlinePolicy, boundary, relayState, tags, current.roleSuffix(),
                    current.createdAt());
            permissionSets.update(changed);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("permissionSetArn", current.permissionSetArn());
            parameters.put("sessionDuration", duration.toString());
            parameters.put("managedPolicies", policies);
            parameters.put("inlinePolicyChanged", !Objects.equals(current.inlinePolicy(), inlinePolicy));
            parameters.put("permissionsBoundary", boundary == null ? "" : boundary);
            parameters.put("tagKeys", List.copyOf(tags.keySet()));
            audit.as(actor, EventSource.SSO_ADMIN, context).success("UpdatePermissionSet", parameters);
            return changed;
        });
    }

    /**
     * Sets or replaces the permissions boundary (sso-admin PutPermissionsBoundaryToPermissionSet): an AWS managed
     * policy's name or ARN. The next credentials are capped by it; those issued keep the policies they had.
     */
    public PermissionSet putPermissionsBoundary(String nameOrArn, String boundary, Actor actor,
                                                RequestContext context) {
        return changeBoundary(nameOrArn, ManagedPolicyNames.canonical("permissionsBoundary", boundary),
                "PutPermissionsBoundaryToPermissionSet", actor, context);
    }

    /** sso-admin DeletePermissionsBoundaryFromPermissionSet; a set without one is refused: nothing to delete. */
    public PermissionSet deletePermissionsBoundary(String nameOrArn, Actor actor, RequestContext context) {
        return changeBoundary(nameOrArn, null, "DeletePermissionsBoundaryFromPermissionSet", actor, context);
    }

    private PermissionSet changeBoundary(String nameOrArn, String boundary, String eventName, Actor actor,
                                         RequestContext context) {
        return transactions.inTransaction(() -> {
            PermissionSet current = permissionSets.findByArn(nameOrArn)
                    .or(() -> permissionSets.findByName(nameOrArn))
                    .orElseThrow(() -> DomainException.notFound("Permission set", nameOrArn));
            if (boundary == null && current.permissionsBoundary() == null) {
                throw new DomainException(new DomainError.NotFound("Permissions boundary", current.name(),
                        "Permission set " + current.name() + " has no permissions boundary"));
            }
            PermissionSet changed = new PermissionSet(current.permissionSetArn(), current.name(),
                    current.description(), current.sessionDuration(), current.managedPolicies(),
                    current.inlinePolicy(), boundary, current.relayState(), current.tags(), current.roleSuffix(),
                    current.createdAt());
            permissionSets.update(changed);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("permissionSetArn", current.permissionSetArn());
            if (boundary != null) {
                parameters.put("permissionsBoundary", boundary);
            }
            audit.as(actor, EventSource.SSO_ADMIN, context).success(eventName, parameters);
            return changed;
        });
    }

    private static List<String> managedPolicies(List<String> requested) {
        return requested == null ? List.of() : requested.stream()
                .map(p -> ManagedPolicyNames.canonical("managedPolicies", p))
                .distinct().toList();
    }

    private static String permissionsBoundary(String requested) {
        return requested == null || requested.isBlank() ? null
                : ManagedPolicyNames.canonical("permissionsBoundary", requested);
    }

    public PermissionSet permissionSet(String nameOrArn) {
        return permissionSets.findByArn(nameOrArn)
                .or(() -> permissionSets.findByName(nameOrArn))
                .orElseThrow(() -> DomainException.notFound("Permission set", nameOrArn));
    }

    public List<PermissionSet> listPermissionSets(String afterName, int limit) {
        return permissionSets.list(afterName, limit);
    }

    public Page<PermissionSet> permissionSetPage(String afterName, int limit) {
        return Page.fromOneMore(permissionSets.list(afterName, limit + 1), limit, PermissionSet::name);
    }

    public void deletePermissionSet(String nameOrArn, Actor actor, RequestContext context) {
        PermissionSet set = permissionSet(nameOrArn);
        transactions.run(() -> {
            permissionSets.delete(set.permissionSetArn());
            audit.as(actor, EventSource.SSO_ADMIN, context).success("DeletePermissionSet",
                    Map.of("permissionSetArn", set.permissionSetArn()));
        });
    }

    /** Assigns a user or group, named as people name them, a permission set in an account. */
    public AccountAssignment assign(String account, String permissionSet, PrincipalType type, String principal,
                                    Actor actor, RequestContext context) {
        AccountAssignment assignment = resolve(account, permissionSet, type, principal);
        return transactions.inTransaction(() -> {
            try {
                assignments.insert(assignment);
            } catch (DomainException e) {
                if (e.error() instanceof DomainError.AlreadyExists) {
                    // The store can only name the row by ids; people know the names they typed.
                    throw new DomainException(new DomainError.AlreadyExists("AccountAssignment", principal,
                            permissionSet + " is already assigned to the " + type.name().toLowerCase(Locale.ROOT)
                                    + " " + principal + " in account " + account));
                }
                throw e;
            }
            audit.as(actor, EventSource.SSO_ADMIN, context).success("CreateAccountAssignment",
                    assignmentParameters(assignment, principal));
            return assignment;
        });
    }

    public void unassign(String account, String permissionSet, PrincipalType type, String principal, Actor actor,
                         RequestContext context) {
        AccountAssignment assignment = resolve(account, permissionSet, type, principal);
        transactions.run(() -> {
            if (!assignments.delete(assignment)) {
                throw DomainException.notFound("Account assignment",
                        principal + " → " + account + " → " + permissionSet);
            }
            endSessionsOf(assignment);
            audit.as(actor, EventSource.SSO_ADMIN, context).success("DeleteAccountAssignment",
                    assignmentParameters(assignment, principal));
        });
    }

    /** Access through the assignment ends now, not when the tokens expire: end the holders' sessions. */
    private void endSessionsOf(AccountAssignment assignment) {
        List<String> userIds = switch (assignment.principalType()) {
            case USER -> List.of(assignment.principalId());
            case GROUP -> List.copyOf(new GroupNestings(groups).effectiveMemberIdsOf(assignment.principalId()));
        };
        userIds.forEach(userId -> sessions.revokeAllOf(userId, clock.instant()));
    }

    /** Ids of the accounts where the permission set is assigned, a page at a time. */
    public Page<String> accountsWithPermissionSet(String permissionSetArn, String afterAccountId, int limit) {
        return Page.fromOneMore(assignments.accountsWithPermissionSet(permissionSetArn, afterAccountId, limit + 1),
                limit, id -> id);
    }

    public List<AccountAssignment> assignments(String account) {
        return assignments.listForAccount(account(account).accountId());
    }

    /** An assignment with the names people know its parts by. */
    public record DescribedAssignment(Account account, PermissionSet permissionSet, PrincipalType principalType,
                                      String principalId, String principalName) { }

    /** Every assignment in one account, whoever holds it. */
    public List<DescribedAssignment> describedAssignments(String account) {
        return describe(assignments(account));
    }

    /** What a user or group is assigned directly. */
    public List<DescribedAssignment> assignmentsOf(PrincipalType type, String principal) {
        return describe(assignments.listForPrincipal(type, principalId(type, principal)));
    }

    /** What a user holds: their own assignments, then those of each group they belong to, nested ones included. */
    public List<DescribedAssignment> effectiveAssignmentsOf(String userName) {
        String userId = principalId(PrincipalType.USER, userName);
        List<AccountAssignment> held = new ArrayList<>(assignments.listForPrincipal(PrincipalType.USER,
                userId));
        new GroupNestings(groups).effectiveGroupIdsOf(userId).forEach(groupId ->
                held.addAll(assignments.listForPrincipal(PrincipalType.GROUP, groupId)));
        return describe(held);
    }

    /** Each account, permission set and principal is read once however often it appears. */
    private List<DescribedAssignment> describe(List<AccountAssignment> assignments) {
        Map<String, Optional<Account>> accountsById = new HashMap<>();
        Map<String, Optional<PermissionSet>> setsByArn = new HashMap<>();
        Map<String, Optional<String>> principals = new HashMap<>();
        List<DescribedAssignment> described = new ArrayList<>();
        for (AccountAssignment a : assignments) {
            Optional<Account> account = accountsById.computeIfAbsent(a.accountId(), accounts::findById);
            Optional<PermissionSet> set = setsByArn.computeIfAbsent(a.permissionSetArn(), permissionSets::findByArn);
            Optional<String> principal = principals.computeIfAbsent(a.principalType() + "/" + a.principalId(),
                    key -> principalName(a.principalType(), a.principalId()));
            // A row whose parts were deleted meanwhile is gone with them: nothing to show.
            if (account.isPresent() && set.isPresent() && principal.isPresent()) {
                described.add(new DescribedAssignment(account.get(), set.get(), a.principalType(), a.principalId(),
                        principal.get()));
            }
        }
        return described;
    }

    private Optional<String> principalName(PrincipalType type, String principalId) {
        return switch (type) {
            case USER -> users.findById(principalId).map(User::userName);
            case GROUP -> groups.findById(principalId).map(Group::displayName);
        };
    }

    private String principalId(PrincipalType type, String principal) {
        return switch (type) {
            case USER -> users.findByUserName(principal)
                    .orElseThrow(() -> DomainException.notFound("User", principal)).userId();
            case GROUP -> groups.findByDisplayName(principal)
                    .orElseThrow(() -> DomainException.notFound("Group", principal)).groupId();
        };
    }

    private AccountAssignment resolve(String account, String permissionSet, PrincipalType type, String principal) {
        String accountId = account(account).accountId();
        String setArn = permissionSet(permissionSet).permissionSetArn();
        return new AccountAssignment(accountId, setArn, type, principalId(type, principal));
    }

    private static Map<String, Object> assignmentParameters(AccountAssignment assignment, String principalName) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("targetId", assignment.accountId());
        parameters.put("targetType", "AWS_ACCOUNT");
        parameters.put("permissionSetArn", assignment.permissionSetArn());
        parameters.put("principalType", assignment.principalType().name());
        parameters.put("principalId", assignment.principalId());
        parameters.put("principalName", principalName);
        return parameters;
    }

    static Duration sessionDuration(String iso) {
        if (iso == null || iso.isBlank()) {
            return MIN_SESSION;
        }
        Duration duration;
        try {
            duration = Duration.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("sessionDuration",
                    "sessionDuration must be an ISO-8601 duration such as PT1H or PT12H, not '" + iso + "'");
        }
        if (duration.compareTo(MIN_SESSION) < 0 || duration.compareTo(MAX_SESSION) > 0) {
            throw DomainException.invalid("sessionDuration", "sessionDuration must be between PT1H and PT12H");
        }
        return duration;
    }
}
