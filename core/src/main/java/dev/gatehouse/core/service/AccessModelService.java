package dev.gatehouse.core.service;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.model.Account;
import dev.gatehouse.core.model.AccountAssignment;
import dev.gatehouse.core.model.Instance;
import dev.gatehouse.core.model.Membership;
import dev.gatehouse.core.model.PermissionSet;
import dev.gatehouse.core.model.PrincipalType;
import dev.gatehouse.core.port.Store;
import dev.gatehouse.core.token.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Accounts, permission sets and account assignments. Every change is audited in the same transaction. */
public final class AccessModelService {

    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern PERMISSION_SET_NAME = Pattern.compile("^[\\w+=,.@-]{1,32}$");
    private static final Pattern MANAGED_POLICY = Pattern.compile(
            "^(arn:aws:iam::aws:policy/)?[\\w+=,.@/-]{1,128}$");
    private static final Duration MIN_SESSION = Duration.ofHours(1);
    private static final Duration MAX_SESSION = Duration.ofHours(12);

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final Supplier<Instance> instance;

    public AccessModelService(Store store, Clock clock, AuditLog audit, Supplier<Instance> instance) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.instance = instance;
    }

    public Account createAccount(String accountId, String name, String email, Actor actor, RequestContext context) {
        String id = Inputs.matching("accountId", accountId, ACCOUNT_ID, "must be exactly 12 digits");
        Account account = new Account(id, Inputs.required("name", name, 50), Inputs.email("email", email),
                clock.instant());
        return store.inTransaction(tx -> {
            tx.accounts().insert(account);
            audit.success(tx.audit(), context, actor, EventSource.ORGANIZATIONS, "CreateAccount",
                    Map.of("accountId", id, "accountName", account.name()), Map.of());
            return account;
        });
    }

    public Account account(String accountIdOrName) {
        return store.accounts().findById(accountIdOrName)
                .or(() -> store.accounts().findByName(accountIdOrName))
                .orElseThrow(() -> DomainException.notFound("Account", accountIdOrName));
    }

    public List<Account> listAccounts(String afterAccountId, int limit) {
        return store.accounts().list(afterAccountId, limit);
    }

    public void deleteAccount(String accountIdOrName, Actor actor, RequestContext context) {
        Account account = account(accountIdOrName);
        store.inTransaction(tx -> {
            tx.accounts().delete(account.accountId());
            audit.success(tx.audit(), context, actor, EventSource.ORGANIZATIONS, "CloseAccount",
                    Map.of("accountId", account.accountId()), Map.of());
            return null;
        });
    }

    public record NewPermissionSet(String name, String description, String sessionDuration,
                                   List<String> managedPolicies, String inlinePolicy, String relayState,
                                   Map<String, String> tags) { }

    public PermissionSet createPermissionSet(NewPermissionSet request, Actor actor, RequestContext context) {
        String name = Inputs.matching("name", request.name(), PERMISSION_SET_NAME,
                "must be 1-32 characters of letters, digits and +=,.@-_");
        Duration duration = sessionDuration(request.sessionDuration());
        List<String> policies = request.managedPolicies() == null ? List.of() : request.managedPolicies().stream()
                .map(p -> Inputs.matching("managedPolicies", p, MANAGED_POLICY, "must be an AWS managed policy name"))
                .distinct().toList();
        String ssoInstanceId = instance.get().instanceId();
        PermissionSet set = new PermissionSet(
                "arn:aws:sso:::permissionSet/" + ssoInstanceId + "/ps-" + Secrets.randomHex(16), name,
                Inputs.optional("description", request.description(), 700), duration, policies,
                PolicyDocuments.validInlinePolicy(request.inlinePolicy()),
                Inputs.optional("relayState", request.relayState(), 240),
                request.tags() == null ? Map.of() : request.tags(), Secrets.randomHex(16), clock.instant());
        return store.inTransaction(tx -> {
            tx.permissionSets().insert(set);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("name", name);
            parameters.put("sessionDuration", duration.toString());
            parameters.put("managedPolicies", policies);
            audit.success(tx.audit(), context, actor, EventSource.SSO_ADMIN, "CreatePermissionSet", parameters,
                    Map.of("permissionSetArn", set.permissionSetArn()));
            return set;
        });
    }

    public PermissionSet permissionSet(String nameOrArn) {
        return store.permissionSets().findByArn(nameOrArn)
                .or(() -> store.permissionSets().findByName(nameOrArn))
                .orElseThrow(() -> DomainException.notFound("Permission set", nameOrArn));
    }

    public List<PermissionSet> listPermissionSets(String afterName, int limit) {
        return store.permissionSets().list(afterName, limit);
    }

    public void deletePermissionSet(String nameOrArn, Actor actor, RequestContext context) {
        PermissionSet set = permissionSet(nameOrArn);
        store.inTransaction(tx -> {
            tx.permissionSets().delete(set.permissionSetArn());
            audit.success(tx.audit(), context, actor, EventSource.SSO_ADMIN, "DeletePermissionSet",
                    Map.of("permissionSetArn", set.permissionSetArn()), Map.of());
            return null;
        });
    }

    /** Assigns a user or group, named as people name them, a permission set in an account. */
    public AccountAssignment assign(String account, String permissionSet, PrincipalType type, String principal,
                                    Actor actor, RequestContext context) {
        AccountAssignment assignment = resolve(account, permissionSet, type, principal);
        return store.inTransaction(tx -> {
            tx.assignments().insert(assignment);
            audit.success(tx.audit(), context, actor, EventSource.SSO_ADMIN, "CreateAccountAssignment",
                    assignmentParameters(assignment, principal), Map.of());
            return assignment;
        });
    }

    public void unassign(String account, String permissionSet, PrincipalType type, String principal, Actor actor,
                         RequestContext context) {
        AccountAssignment assignment = resolve(account, permissionSet, type, principal);
        store.inTransaction(tx -> {
            if (!tx.assignments().delete(assignment)) {
                throw DomainException.notFound("Account assignment",
                        principal + " → " + account + " → " + permissionSet);
            }
            endSessionsOf(tx, assignment);
            audit.success(tx.audit(), context, actor, EventSource.SSO_ADMIN, "DeleteAccountAssignment",
                    assignmentParameters(assignment, principal), Map.of());
            return null;
        });
    }

    /** Access through the assignment ends now, not when the tokens expire: end the holders' sessions. */
    private void endSessionsOf(Store tx, AccountAssignment assignment) {
        List<String> userIds = switch (assignment.principalType()) {
            case USER -> List.of(assignment.principalId());
            case GROUP -> tx.groups().membersOf(assignment.principalId()).stream().map(Membership::userId).toList();
        };
        userIds.forEach(userId -> tx.sessions().revokeAllOf(userId, clock.instant()));
    }

    public List<AccountAssignment> assignments(String account) {
        return store.assignments().listForAccount(account(account).accountId());
    }

    private AccountAssignment resolve(String account, String permissionSet, PrincipalType type, String principal) {
        String accountId = account(account).accountId();
        String setArn = permissionSet(permissionSet).permissionSetArn();
        String principalId = switch (type) {
            case USER -> store.users().findByUserName(principal)
                    .orElseThrow(() -> DomainException.notFound("User", principal)).userId();
            case GROUP -> store.groups().findByDisplayName(principal)
                    .orElseThrow(() -> DomainException.notFound("Group", principal)).groupId();
        };
        return new AccountAssignment(accountId, setArn, type, principalId);
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
