package dev.gatehouse.core.access;

import dev.gatehouse.policy.InvalidPolicyException;
import dev.gatehouse.policy.ManagedPolicies;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.policy.Policy;
import dev.gatehouse.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies that decide for a permission set's role: its managed policies, then its inline policy, capped by
 * its permissions boundary if it has one.
 */
public final class EffectivePolicies {

    /** Allows no action at all: what a boundary that is no longer bundled leaves. */
    private static final String NOTHING = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}""";

    /** Denies every action: what an inline policy stands for when it no longer reads under today's rules. */
    private static final String EVERYTHING_DENIED = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private EffectivePolicies() {
    }

    public static PolicySet of(PermissionSet permissionSet) {
        List<Policy> policies = new ArrayList<>();
        for (String name : permissionSet.managedPolicies()) {
            // Names are checked when the permission set is saved; one that is gone since allows nothing.
            ManagedPolicies.find(name).ifPresent(policies::add);
        }
        if (permissionSet.inlinePolicy() != null) {
            policies.add(inline(permissionSet.inlinePolicy()));
        }
        return new PolicySet(policies, boundary(permissionSet.permissionsBoundary()));
    }

    /**
     * The inline policy; one saved before the policy engine checked it and that it now refuses fails closed: its
     * denies cannot be read, so it denies everything (the decision names it) until an administrator fixes it.
     */
    private static Policy inline(String document) {
        try {
            return Policies.parse("inline", document);
        } catch (InvalidPolicyException unreadable) {
            return Policies.parse("inline (invalid: fix it in the permission set)", EVERYTHING_DENIED);
        }
    }

    /** A boundary that is no longer bundled fails closed: it caps everything rather than nothing. */
    private static Optional<Policy> boundary(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(ManagedPolicies.find(name)
                .orElseGet(() -> Policies.parse(name + " (no longer bundled)", NOTHING)));
    }
}
