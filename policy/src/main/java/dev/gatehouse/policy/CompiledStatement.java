package dev.gatehouse.policy;

import java.util.List;
import java.util.Optional;

/**
 * What a statement matches, compiled at parse time (actions, resources, conditions), and the decisions it makes
 * when it does, built once so that evaluating allocates nothing. Opaque outside this package; {@link #toString}
 * describes it for people.
 */
public final class CompiledStatement {

    private final ActionMatcher actions;
    private final ResourceMatcher resources;
    private final ConditionClause[] conditions;
    private final Decision allow;
    private final Decision allowWithinBoundary;
    private final Decision deny;

    CompiledStatement(ActionMatcher actions, ResourceMatcher resources, List<ConditionClause> conditions,
            DecidingStatement name) {
        this.actions = actions;
        this.resources = resources;
        this.conditions = conditions.toArray(ConditionClause[]::new);
        Optional<DecidingStatement> statement = Optional.of(name);
        this.allow = new Decision(Decision.Outcome.ALLOW, statement, "allowed by " + name);
        this.allowWithinBoundary = new Decision(Decision.Outcome.ALLOW, statement,
                "allowed by " + name + ", within the permissions boundary");
        this.deny = new Decision(Decision.Outcome.EXPLICIT_DENY, statement, "explicitly denied by " + name);
    }

    /** Whether the statement applies: action, then resource, then every condition (cheapest test first). */
    boolean matches(AccessRequest request, long serviceBit) {
        if (!actions.matches(request.action(), serviceBit) || !resources.matches(request.resource(), request.context())) {
            return false;
        }
        for (ConditionClause condition : conditions) {
            if (!condition.holds(request.context())) {
                return false;
            }
        }
        return true;
    }

    Decision allow(boolean withinBoundary) {
        return withinBoundary ? allowWithinBoundary : allow;
    }

    Decision deny() {
        return deny;
    }

    @Override
    public String toString() {
        return actions + " " + resources + (conditions.length == 0 ? "" : " Condition " + List.of(conditions));
    }
}
