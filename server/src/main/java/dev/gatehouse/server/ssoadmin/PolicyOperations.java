package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.AccessModelService.PermissionSetChanges;
import dev.gatehouse.core.access.ManagedPolicyNames;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A permission set's policies: AWS managed policies, the inline policy (checked by the policy engine, its problems
 * answered as ValidationException with the line), the permissions boundary, and customer managed policy references,
 * which Gatehouse refuses since it holds no customer's IAM policies to evaluate.
 */
final class PolicyOperations {

    private static final String POLICY_ARN = "arn:aws:iam::aws:policy/";
    /** AWS files the job-function policies under a path. */
    private static final List<String> JOB_FUNCTIONS = List.of("ViewOnlyAccess");
    private static final String CUSTOMER_MANAGED = "Gatehouse cannot evaluate customer managed policies: attach an "
            + "AWS managed policy or put an inline policy";

    private final SsoScope scope;
    private final AccessModelService access;

    PolicyOperations(SsoScope scope) {
        this.scope = scope;
        this.access = scope.access();
    }

    Object attachManaged(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet set = scope.permissionSet(input);
        String name = managedPolicy(input);
        if (set.managedPolicies().contains(name)) {
            throw new DomainException(new DomainError.AlreadyExists("Managed policy", name,
                    "Managed policy " + name + " is already attached to " + set.name()));
        }
        List<String> policies = new ArrayList<>(set.managedPolicies());
        policies.add(name);
        change(set, policies, set.inlinePolicy(), actor, context);
        return Map.of();
    }

    Object detachManaged(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet set = scope.permissionSet(input);
        String name = managedPolicy(input);
        if (!set.managedPolicies().contains(name)) {
            throw DomainException.notFound("Managed policy", name);
        }
        List<String> policies = new ArrayList<>(set.managedPolicies());
        policies.remove(name);
        change(set, policies, set.inlinePolicy(), actor, context);
        return Map.of();
    }

    Object listManaged(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        return SsoInputs.page(input, "managedPolicies/" + set.permissionSetId(), "AttachedManagedPolicies",
                set.managedPolicies(), name -> Map.of("Name", name, "Arn", arn(name)));
    }

    Object putInline(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet set = scope.permissionSet(input);
        String document = SsoString.POLICY_DOCUMENT.required(input, "InlinePolicy");
        change(set, set.managedPolicies(), document, actor, context);
        return Map.of();
    }

    /** No member when the set has no inline policy, as AWS answers. */
    Object getInline(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        return set.inlinePolicy() == null ? Map.of() : Map.of("InlinePolicy", set.inlinePolicy());
    }

    Object deleteInline(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet set = scope.permissionSet(input);
        change(set, set.managedPolicies(), null, actor, context);
        return Map.of();
    }

    Object putBoundary(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet set = scope.permissionSet(input);
        JsonRequestBody boundary = input.optionalObject("PermissionsBoundary")
                .orElseThrow(() -> SsoString.invalid("PermissionsBoundary", "Member must not be null"));
        if (boundary.optionalObject("CustomerManagedPolicyReference").isPresent()) {
            throw SsoString.invalid("PermissionsBoundary.CustomerManagedPolicyReference", CUSTOMER_MANAGED);
        }
        String arn = SsoString.MANAGED_POLICY_ARN.required(boundary, "ManagedPolicyArn");
        access.putPermissionsBoundary(set.permissionSetArn(), arn, actor, context);
        return Map.of();
    }

    Object getBoundary(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        if (set.permissionsBoundary() == null) {
            throw new DomainException(new DomainError.NotFound("Permissions boundary", set.name(),
                    "Permission set " + set.name() + " has no permissions boundary"));
        }
        return Map.of("PermissionsBoundary", Map.of("ManagedPolicyArn", arn(set.permissionsBoundary())));
    }

    Object deleteBoundary(JsonRequestBody input, Actor actor, RequestContext context) {
        access.deletePermissionsBoundary(scope.permissionSet(input).permissionSetArn(), actor, context);
        return Map.of();
    }

    Object attachCustomerManaged(JsonRequestBody input) {
        scope.permissionSet(input);
        customerManagedReference(input);
        throw SsoString.invalid("CustomerManagedPolicyReference", CUSTOMER_MANAGED);
    }

    /** None can be attached, so none is there to detach. */
    Object detachCustomerManaged(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        String name = customerManagedReference(input);
        throw new DomainException(new DomainError.NotFound("Customer managed policy reference", name,
                "Customer managed policy " + name + " is not attached to " + set.name()));
    }

    Object listCustomerManaged(JsonRequestBody input) {
        scope.permissionSet(input);
        return SsoInputs.page(input, "customerManaged", "CustomerManagedPolicyReferences", List.of(), p -> p);
    }

    private static String customerManagedReference(JsonRequestBody input) {
        JsonRequestBody reference = input.optionalObject("CustomerManagedPolicyReference")
                .orElseThrow(() -> SsoString.invalid("CustomerManagedPolicyReference", "Member must not be null"));
        SsoString.MANAGED_POLICY_PATH.optional(reference, "Path");
        return SsoString.MANAGED_POLICY_NAME.required(reference, "Name");
    }

    /** The bundled policy's name; an ARN the model accepts but Gatehouse does not bundle is a ValidationException. */
    private static String managedPolicy(JsonRequestBody input) {
        return ManagedPolicyNames.canonical("ManagedPolicyArn",
                SsoString.MANAGED_POLICY_ARN.required(input, "ManagedPolicyArn"));
    }

    static String arn(String name) {
        return POLICY_ARN + (JOB_FUNCTIONS.contains(name) ? "job-function/" : "") + name;
    }

    /** Through the console's update, with everything else as it is. */
    private void change(PermissionSet set, List<String> managedPolicies, String inlinePolicy, Actor actor,
                        RequestContext context) {
        access.updatePermissionSet(set.permissionSetArn(), new PermissionSetChanges(set.description(),
                set.sessionDuration().toString(), managedPolicies, inlinePolicy, set.permissionsBoundary(),
                set.relayState(), set.tags()), actor, context);
    }
}
