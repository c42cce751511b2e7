package dev.gatehouse.core.authz;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.ManagementAccount;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.RoleIds;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.credentials.SessionContextKeys;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.sts.CallerIdentity;
import dev.gatehouse.core.sts.CallerIdentityService;
import dev.gatehouse.policy.AccessRequest;
import dev.gatehouse.policy.ContextKeys;
import dev.gatehouse.policy.Decision;
import dev.gatehouse.policy.InvalidPolicyException;
import dev.gatehouse.policy.ManagedPolicies;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.policy.Policy;
import dev.gatehouse.policy.PolicyEvaluator;
import dev.gatehouse.policy.PolicySet;
import dev.gatehouse.sigv4.ReceivedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who calls the administration APIs and whether they may. Two kinds of SigV4 caller: a service credential (no
 * session token), decided on its own policies; and a person's role credentials that Gatehouse issued (with a session
 * token), decided on their permission set's policies (managed, inline, boundary) as the authorization API decides
 * them, but only for a permission set assigned in the management account. Actions carry IAM's names
 * ({@code identitystore:ListUsers}).
 */
public final class AdminApiCallers {

    private static final String EVERYTHING_DENIED = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private final AuthorizationService serviceCallers;
    private final CallerIdentityService roleCallers;
    private final PermissionSetRepository permissionSets;
    private final ManagementAccount managementAccount;
    private final Clock clock;
    private final AuditLog audit;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final PolicySetCache permissionSetPolicies = new PolicySetCache();

    public AdminApiCallers(AuthorizationService serviceCallers, CallerIdentityService roleCallers,
                           PermissionSetRepository permissionSets, ManagementAccount managementAccount, Clock clock,
                           AuditLog audit) {
        this.serviceCallers = serviceCallers;
        this.roleCallers = roleCallers;
        this.permissionSets = permissionSets;
        this.managementAccount = managementAccount;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Authenticates the call, scoped to {@code signingName}. A session token routes it to role credentials; the
     * signature is then checked by the same code as STS's, so which path a request takes never lets it skip a check.
     *
     * @throws DomainException SignatureRejected when it is not signed by credentials valid for it
     */
    public AdminApiCaller authenticate(ReceivedRequest call, String signingName) {
        if (!SessionTokens.carried(call)) {
            return of(serviceCallers.authenticateService(call, signingName));
        }
        RoleSessionClaims claims = roleCallers.authenticate(call, signingName);
        PermissionSet permissionSet = permissionSets.findByArn(claims.permissionSetArn())
                .orElseThrow(() -> new DomainException(new DomainError.SignatureRejected(
                        SignatureFailure.INVALID_CLIENT_TOKEN_ID,
                        "The permission set of these credentials no longer exists.")));
        return roleCaller(claims, permissionSet, managementAccount.account().map(Account::accountId),
                clock.instant());
    }

    /**
     * Lets the call through or refuses it as AccessDenied, auditing the refusal under {@code eventSource}.
     *
     * @param action   IAM's name, e.g. {@code identitystore:CreateUser}
     * @param resource the ARN the action is on
     */
    public void authorize(AdminApiCaller caller, String action, String resource, String eventSource,
                          RequestContext context) {
        String refusal = caller.refusal();
        if (refusal == null) {
            Decision decision = evaluator.evaluate(caller.policies(),
                    new AccessRequest(action, resource, ContextKeys.of(caller.contextKeys())));
            if (decision.allowed()) {
                return;
            }
            refusal = "";
        }
        DomainError denied = new DomainError.AccessDenied("User: " + caller.name() + " is not authorized to "
                + "perform: " + action + " on resource: " + resource + refusal);
        audit.as(caller.actor(), eventSource, context).failure(action.substring(action.indexOf(':') + 1),
                Map.of("resource", resource), denied);
        throw new DomainException(denied);
    }

    /** A service credential, named by its name, decided on its own policies. */
    static AdminApiCaller of(ServiceCredential credential) {
        return new AdminApiCaller(Actor.serviceCredential(credential.accessKeyId(), credential.name()),
                credential.name(), policiesOf(credential), Map.of(), null);
    }

    /**
     * A person's role session, named by its assumed-role ARN as IAM names it in a refusal; refused outright unless
     * its account is the management account.
     */
    private AdminApiCaller roleCaller(RoleSessionClaims claims, PermissionSet permissionSet,
                                      Optional<String> management, Instant now) {
        CallerIdentity identity = CallerIdentityService.identityOf(claims);
        Map<String, List<String>> keys = SessionContextKeys.of(claims.userName(), identity.userId(),
                claims.accountId(), RoleIds.roleArn(claims.accountId(), claims.roleName()), claims.principalTags(),
                now);
        keys.put("aws:TokenIssueTime", List.of(claims.issuedAt().toString()));
        String refusal = management.filter(claims.accountId()::equals).isPresent() ? null
                : " (role credentials may call the administration APIs only for the management account"
                + management.map(id -> ", " + id).orElse("") + ")";
        return new AdminApiCaller(Actor.assumedRole(identity.userId(), claims.userName()), identity.arn(),
                permissionSetPolicies.of(permissionSet), keys, refusal);
    }

    /**
     * Checked when the credential was created; one the engine reads differently since fails closed, as a permission
     * set's does: its denies cannot be read, so it denies everything.
     */
    private static Policy inline(String document) {
        try {
            return Policies.parseInline(document);
        } catch (InvalidPolicyException unreadable) {
            return Policies.parse("inline (invalid: recreate the credential)", EVERYTHING_DENIED);
        }
    }

    /** Its managed policies then its inline one; unknown names allow nothing (checked when it was created). */
    private static PolicySet policiesOf(ServiceCredential caller) {
        List<Policy> policies = new ArrayList<>();
        for (String name : caller.managedPolicies()) {
            ManagedPolicies.find(name).ifPresent(policies::add);
        }
        if (caller.inlinePolicy() != null) {
            policies.add(inline(caller.inlinePolicy()));
        }
        return PolicySet.of(policies);
    }
}
