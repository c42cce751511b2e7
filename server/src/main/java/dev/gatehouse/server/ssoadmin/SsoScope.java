package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.server.http.JsonRequestBody;

/**
 * The things a request names, read from its members and found in this instance: an ARN of another instance, or of
 * a permission set that is not here, is ResourceNotFoundException as in AWS.
 */
final class SsoScope {

    private final Instance instance;
    private final AccessModelService access;

    SsoScope(Instance instance, AccessModelService access) {
        this.instance = instance;
        this.access = access;
    }

    Instance instance() {
        return instance;
    }

    AccessModelService access() {
        return access;
    }

    /** The request's InstanceArn, which must be this instance's. */
    String instanceArn(JsonRequestBody input) {
        String arn = SsoString.INSTANCE_ARN.required(input, "InstanceArn");
        if (!arn.equals(instance.instanceArn())) {
            throw DomainException.notFound("Instance", arn);
        }
        return arn;
    }

    /** The request's PermissionSetArn, found in the request's instance. */
    PermissionSet permissionSet(JsonRequestBody input) {
        instanceArn(input);
        return permissionSet(SsoString.PERMISSION_SET_ARN.required(input, "PermissionSetArn"));
    }

    PermissionSet permissionSet(String arn) {
        if (!arn.startsWith("arn:aws:sso:::permissionSet/" + instance.instanceId() + "/")) {
            throw DomainException.notFound("Permission set", arn);
        }
        return access.permissionSet(arn);
    }

    Account account(JsonRequestBody input, String member) {
        return access.account(SsoString.ACCOUNT_ID.required(input, member));
    }
}
