package dev.gatehouse.policy;

/**
 * Decides requests as AWS evaluates identity-based policies: an explicit deny in any policy wins, then an allow
 * (in an identity policy and, when there is one, in the permissions boundary), else an implicit deny.
 * Thread-safe and allocation-light: it runs on every authorized request.
 */
public final class PolicyEvaluator {

    public Decision evaluate(PolicySet policies, AccessRequest request) {
        throw new UnsupportedOperationException("policy engine: to be built");
    }
}
