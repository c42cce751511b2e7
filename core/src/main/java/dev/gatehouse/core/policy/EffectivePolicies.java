package dev.gatehouse.core.policy;

import dev.gatehouse.core.model.PermissionSet;
import dev.gatehouse.policy.ManagedPolicies;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.policy.Policy;
import dev.gatehouse.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;

/** The policies that decide for a permission set's role: its managed policies, then its inline policy. */
public final class EffectivePolicies {

    private EffectivePolicies() {
    }

    public static PolicySet of(PermissionSet permissionSet) {
        List<Policy> policies = new ArrayList<>();
        for (String name : permissionSet.managedPolicies()) {
            // Names are checked when the permission set is saved; one that is gone since allows nothing.
            ManagedPolicies.find(name).ifPresent(policies::add);
        }
        if (permissionSet.inlinePolicy() != null) {
            policies.add(Policies.parse("inline", permissionSet.inlinePolicy()));
        }
        return PolicySet.of(policies);
    }
}
