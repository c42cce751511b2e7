package dev.gatehouse.policy;

import java.util.List;
import java.util.Optional;

/**
 * Decides requests as AWS evaluates identity-based policies (Policy evaluation logic, "Evaluating
 * identity-based policies with permissions boundaries"): an explicit deny in any policy — the boundary included —
 * wins; otherwise the request is allowed only if an identity policy allows it and, when there is a permissions
 * boundary, the boundary allows it too; else it is implicitly denied.
 * Thread-safe and allocation-free for policies without variables: it runs on every authorized request.
 */
public final class PolicyEvaluator {

    private static final Decision NOTHING_ALLOWS = new Decision(Decision.Outcome.IMPLICIT_DENY, Optional.empty(),
            "implicitly denied: no statement allows this action on this resource");
    private static final Decision BOUNDARY_DOES_NOT_ALLOW = new Decision(Decision.Outcome.IMPLICIT_DENY,
            Optional.empty(), "implicitly denied: an identity policy allows it, but the permissions boundary does not");

    public Decision evaluate(PolicySet policies, AccessRequest request) {
        long serviceBit = ActionMatcher.serviceBit(request.action());
        Statement allowing = null;
        List<Policy> identity = policies.identityPolicies();
        for (int p = 0; p < identity.size(); p++) {
            List<Statement> statements = identity.get(p).statements();
            for (int s = 0; s < statements.size(); s++) {
                Statement statement = statements.get(s);
                // Once something allows, only a deny can change the answer: skip the other allows.
                if ((statement.effect() == Effect.DENY || allowing == null) && statement.matches(request, serviceBit)) {
                    if (statement.effect() == Effect.DENY) {
                        return statement.compiled().deny();
                    }
                    allowing = statement;
                }
            }
        }
        if (policies.permissionsBoundary().isEmpty()) {
            return allowing == null ? NOTHING_ALLOWS : allowing.compiled().allow(false);
        }
        boolean boundaryAllows = false;
        List<Statement> boundary = policies.permissionsBoundary().get().statements();
        for (int s = 0; s < boundary.size(); s++) {
            Statement statement = boundary.get(s);
            if ((statement.effect() == Effect.DENY || !boundaryAllows) && statement.matches(request, serviceBit)) {
                if (statement.effect() == Effect.DENY) {
                    return statement.compiled().deny();
                }
                boundaryAllows = true;
            }
        }
        if (allowing == null) {
            return NOTHING_ALLOWS;
        }
        return boundaryAllows ? allowing.compiled().allow(true) : BOUNDARY_DOES_NOT_ALLOW;
    }
}
