package dev.gatehouse.core.authz;

import dev.gatehouse.core.access.EffectivePolicies;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.policy.PolicySet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed policies by permission set. Keyed on the whole permission set as read, so an edited one is parsed
 * afresh on its next use; bounded by starting over when full, which costs one parse per set.
 */
final class PolicySetCache {

    private static final int MAX_ENTRIES = 1_000;

    private final Map<PermissionSet, PolicySet> parsed = new ConcurrentHashMap<>();

    PolicySet of(PermissionSet permissionSet) {
        PolicySet cached = parsed.get(permissionSet);
        if (cached != null) {
            return cached;
        }
        if (parsed.size() >= MAX_ENTRIES) {
            parsed.clear();
        }
        PolicySet policies = EffectivePolicies.of(permissionSet);
        parsed.put(permissionSet, policies);
        return policies;
    }
}
