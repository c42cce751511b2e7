package dev.gatehouse.core.authz;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who calls the administration APIs and whether they may: a SigV4 call signed with a service credential, decided
 * by the policy engine on that credential's policies with IAM's action name ({@code identitystore:ListUsers}). A
 * person's role credentials from a management account are not accepted yet.
 */
public final class AdminApiCallers {

    private static final String EVERYTHING_DENIED = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private final AuthorizationService authorization;
    private final AuditLog audit;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public AdminApiCallers(AuthorizationService authorization, AuditLog audit) {
        this.authorization = authorization;
        this.audit = audit;
    }

    /** @throws DomainException SignatureRejected when the call is not signed by a service credential for it */
    public ServiceCredential authenticate(ReceivedRequest call, String signingName) {
        return authorization.authenticateService(call, signingName);
    }

    /**
     * Lets the call through or refuses it as AccessDenied, auditing the refusal under {@code eventSource}.
     *
     * @param action   IAM's name, e.g. {@code identitystore:CreateUser}
     * @param resource the ARN the action is on
     */
    public void authorize(ServiceCredential caller, String action, String resource, String eventSource,
                          RequestContext context) {
        Decision decision = evaluator.evaluate(policiesOf(caller),
                new AccessRequest(action, resource, ContextKeys.of(Map.of())));
        if (decision.allowed()) {
            return;
        }
        DomainError denied = new DomainError.AccessDenied("User: " + caller.name() + " is not authorized to "
                + "perform: " + action + " on resource: " + resource);
        audit.as(actorOf(caller), eventSource, context).failure(action.substring(action.indexOf(':') + 1),
                Map.of("resource", resource), denied);
        throw new DomainException(denied);
    }

    /** How the audit log names a service credential acting. */
    public static Actor actorOf(ServiceCredential caller) {
        return Actor.serviceCredential(caller.accessKeyId(), caller.name());
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
