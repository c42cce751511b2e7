package dev.gatehouse.core.access;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.policy.ManagedPolicies;
import dev.gatehouse.policy.Policy;
import java.util.TreeSet;

/**
 * AWS managed policies as permission sets name them: by name ({@code PowerUserAccess}) or ARN
 * ({@code arn:aws:iam::aws:policy/PowerUserAccess}), stored by name. Only the policies Gatehouse bundles can be
 * named, since a policy it cannot evaluate would silently allow nothing.
 */
public final class ManagedPolicyNames {

    private static final String CUSTOMER_MANAGED = "arn:aws:iam::";

    private ManagedPolicyNames() {
    }

    /** The bundled policy's name; throws InvalidInput on {@code field} listing what is available. */
    public static String canonical(String field, String nameOrArn) {
        return policy(field, nameOrArn).name();
    }

    public static Policy policy(String field, String nameOrArn) {
        String typed = nameOrArn == null ? "" : nameOrArn.strip();
        if (typed.isEmpty()) {
            throw DomainException.invalid(field, field + " must name an AWS managed policy: " + available());
        }
        return ManagedPolicies.find(typed).orElseThrow(() -> DomainException.invalid(field, unknown(field, typed)));
    }

    private static String unknown(String field, String typed) {
        if (typed.startsWith(CUSTOMER_MANAGED) && !typed.startsWith(CUSTOMER_MANAGED + "aws:")) {
            return field + ": '" + typed + "' is a customer managed policy, which Gatehouse cannot evaluate; use an "
                    + "AWS managed policy: " + available();
        }
        return field + ": unknown AWS managed policy '" + typed + "'; Gatehouse has " + available();
    }

    private static String available() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(ManagedPolicies.names());
        return String.join(", ", names);
    }
}
