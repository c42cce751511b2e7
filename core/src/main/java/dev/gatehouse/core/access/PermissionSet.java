package dev.gatehouse.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a role in an account may do, and for how long its credentials live.
 *
 * @param roleSuffix 16 hex characters that make the provisioned role name
 *                   {@code AWSReservedSSO_<name>_<roleSuffix>}, fixed at creation as in AWS
 * @param inlinePolicy a JSON policy document, or null
 * @param permissionsBoundary the AWS managed policy that caps what the others allow, by name, or null
 */
public record PermissionSet(String permissionSetArn, String name, String description, Duration sessionDuration,
                            List<String> managedPolicies, String inlinePolicy, String permissionsBoundary,
                            String relayState,
                            Map<String, String> tags, String roleSuffix, Instant createdAt) {

    public PermissionSet {
        managedPolicies = List.copyOf(managedPolicies);
        tags = Map.copyOf(tags);
    }

    public String permissionSetId() {
        return permissionSetArn.substring(permissionSetArn.lastIndexOf('/') + 1);
    }

    public String roleName() {
        return "AWSReservedSSO_" + name + "_" + roleSuffix;
    }
}
