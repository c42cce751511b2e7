package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.ProvisioningRequest;
import dev.gatehouse.server.awsjson.AwsJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** The model's shapes of assignments and of request statuses. */
final class SsoStatuses {

    private SsoStatuses() {
    }

    /** PermissionSetProvisioningStatus. */
    static Map<String, Object> provisioning(ProvisioningRequest request) {
        Map<String, Object> shape = metadata(request);
        if (request.accountId() != null) {
            shape.put("AccountId", request.accountId());
        }
        shape.put("PermissionSetArn", request.permissionSetArn());
        return shape;
    }

    /** AccountAssignmentOperationStatus. */
    static Map<String, Object> assignment(ProvisioningRequest request) {
        Map<String, Object> shape = metadata(request);
        shape.put("TargetId", request.accountId());
        shape.put("TargetType", "AWS_ACCOUNT");
        shape.put("PermissionSetArn", request.permissionSetArn());
        shape.put("PrincipalType", request.principalType().name());
        shape.put("PrincipalId", request.principalId());
        return shape;
    }

    /** The metadata the status lists give of each request. */
    static Map<String, Object> metadata(ProvisioningRequest request) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Status", request.status());
        shape.put("RequestId", request.requestId());
        shape.put("CreatedDate", AwsJson.epochSeconds(request.createdAt()));
        return shape;
    }

    /** AccountAssignment and AccountAssignmentForPrincipal, which have the same members. */
    static Map<String, Object> assignment(AccountAssignment assignment) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("AccountId", assignment.accountId());
        shape.put("PermissionSetArn", assignment.permissionSetArn());
        shape.put("PrincipalType", assignment.principalType().name());
        shape.put("PrincipalId", assignment.principalId());
        return shape;
    }
}
