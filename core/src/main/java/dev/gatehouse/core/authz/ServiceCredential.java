package dev.gatehouse.core.authz;

import java.time.Instant;
import java.util.List;

/**
 * A long-lived access key a service or an automation (CI, Terraform) signs its calls with: to the authorization API,
 * and to the administration APIs, where its policies decide what it may do.
 *
 * @param sealedSecret    the secret access key sealed under the instance's sealing keys: SigV4 needs the secret
 *                        itself, so it cannot be stored as a hash
 * @param managedPolicies AWS managed policy names, e.g. AdministratorAccess; empty with no inline policy: the
 *                        administration APIs refuse every call
 * @param inlinePolicy    a policy document, or null
 */
public record ServiceCredential(String accessKeyId, String name, String sealedSecret, Instant createdAt,
                                List<String> managedPolicies, String inlinePolicy) {

    public ServiceCredential {
        managedPolicies = List.copyOf(managedPolicies);
    }
}
