package dev.gatehouse.policy;

import java.util.List;
import java.util.Optional;

/**
 * Everything that decides for one role: its identity policies (a permission set's managed policies and inline
 * policy) and, if set, a permissions boundary, which caps them: an action must be allowed by both.
 */
public record PolicySet(List<Policy> identityPolicies, Optional<Policy> permissionsBoundary) {

    public PolicySet {
        identityPolicies = List.copyOf(identityPolicies);
    }

    public static PolicySet of(List<Policy> identityPolicies) {
        return new PolicySet(identityPolicies, Optional.empty());
    }
}
