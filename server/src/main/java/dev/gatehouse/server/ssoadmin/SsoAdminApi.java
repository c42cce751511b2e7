package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.AdminApiCaller;
import dev.gatehouse.core.authz.AdminApiCallers;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.server.awsjson.AwsJson;
import dev.gatehouse.server.awsjson.AwsJsonService;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpDates;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.sts.ReceivedRequests;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * sso-admin (awsJson 1.1, target prefix {@value #TARGET_PREFIX}, signing name {@value #SIGNING_NAME}): each call
 * is authenticated as a service credential, decided by the policy engine as {@code sso:<Operation>} on every
 * resource the request names (the instance, the permission set, the account), then run through the same core
 * services as the console, so it is audited under {@code sso.amazonaws.com} and revokes sessions the same way.
 */
public final class SsoAdminApi implements AwsJsonService {

    public static final String TARGET_PREFIX = "SWBExternalService";
    public static final String SIGNING_NAME = "sso";

    private static final ApiHandler API = new ApiHandler("sso-admin", SsoAdminErrors.WRITER);

    private final AdminApiCallers callers;
    private final Clock clock;
    private final Map<String, SsoAdminOperation> operations = new HashMap<>();

    public SsoAdminApi(CoreServices core, AdminApiCallers callers, Clock clock, Instance instance) {
        this.callers = callers;
        this.clock = clock;
        SsoScope scope = new SsoScope(instance, core.accessModel());
        instances(new InstanceOperations(scope, core.managementAccount()));
        permissionSets(new PermissionSetOperations(scope));
        policies(new PolicyOperations(scope));
        assignments(new AssignmentOperations(scope, core.provisioningRequests(), core.identityStore()));
        AccessControlAttributeOperations abac = new AccessControlAttributeOperations(scope,
                core.accessControlAttributes());
        operations.put("CreateInstanceAccessControlAttributeConfiguration", abac::create);
        read("DescribeInstanceAccessControlAttributeConfiguration", abac::describe);
        operations.put("UpdateInstanceAccessControlAttributeConfiguration", abac::update);
        operations.put("DeleteInstanceAccessControlAttributeConfiguration", abac::delete);
    }

    private void assignments(AssignmentOperations assignments) {
        operations.put("ProvisionPermissionSet", assignments::provision);
        read("DescribePermissionSetProvisioningStatus", assignments::describeProvisioning);
        read("ListPermissionSetProvisioningStatus", assignments::listProvisioning);
        operations.put("CreateAccountAssignment", assignments::create);
        operations.put("DeleteAccountAssignment", assignments::delete);
        read("DescribeAccountAssignmentCreationStatus", assignments::describeCreation);
        read("DescribeAccountAssignmentDeletionStatus", assignments::describeDeletion);
        read("ListAccountAssignmentCreationStatus", assignments::listCreations);
        read("ListAccountAssignmentDeletionStatus", assignments::listDeletions);
        read("ListAccountAssignments", assignments::list);
        read("ListAccountAssignmentsForPrincipal", assignments::listForPrincipal);
        read("ListAccountsForProvisionedPermissionSet", assignments::listAccountsForPermissionSet);
    }

    private void instances(InstanceOperations instances) {
        read("ListInstances", instances::listInstances);
        read("DescribeInstance", instances::describeInstance);
        operations.put("UpdateInstance", instances::updateInstance);
        read("CreateInstance", instances::createInstance);
        read("DeleteInstance", instances::deleteInstance);
    }

    private void permissionSets(PermissionSetOperations sets) {
        operations.put("CreatePermissionSet", sets::create);
        read("DescribePermissionSet", sets::describe);
        operations.put("UpdatePermissionSet", sets::update);
        operations.put("DeletePermissionSet", sets::delete);
        read("ListPermissionSets", sets::list);
        read("ListPermissionSetsProvisionedToAccount", sets::listProvisionedToAccount);
        operations.put("TagResource", sets::tag);
        operations.put("UntagResource", sets::untag);
        read("ListTagsForResource", sets::listTags);
    }

    private void policies(PolicyOperations policies) {
        operations.put("AttachManagedPolicyToPermissionSet", policies::attachManaged);
        operations.put("DetachManagedPolicyFromPermissionSet", policies::detachManaged);
        read("ListManagedPoliciesInPermissionSet", policies::listManaged);
        operations.put("PutInlinePolicyToPermissionSet", policies::putInline);
        read("GetInlinePolicyForPermissionSet", policies::getInline);
        operations.put("DeleteInlinePolicyFromPermissionSet", policies::deleteInline);
        operations.put("PutPermissionsBoundaryToPermissionSet", policies::putBoundary);
        read("GetPermissionsBoundaryForPermissionSet", policies::getBoundary);
        operations.put("DeletePermissionsBoundaryFromPermissionSet", policies::deleteBoundary);
        read("AttachCustomerManagedPolicyReferenceToPermissionSet", policies::attachCustomerManaged);
        read("DetachCustomerManagedPolicyReferenceFromPermissionSet", policies::detachCustomerManaged);
        read("ListCustomerManagedPolicyReferencesInPermissionSet", policies::listCustomerManaged);
    }

    /** An operation that needs neither the actor nor the request context: it reads, or refuses. */
    private void read(String name, Function<JsonRequestBody, Object> operation) {
        operations.put(name, (input, actor, context) -> operation.apply(input));
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public Optional<Handler> operation(String name) {
        SsoAdminOperation operation = operations.get(name);
        return operation == null ? Optional.empty() : Optional.of(API.of(ctx -> answer(ctx, name, operation)));
    }

    /**
     * An operation's answer without HTTP, SigV4 or the policy decisions: what the bench times as the work behind a
     * call ({@code DataScaleRun}). Never reachable from a request.
     */
    public Object runTrusted(String name, byte[] body, Actor actor, RequestContext context) {
        return operations.get(name).run(JsonRequestBody.parse(body), actor, context);
    }

    /** The account's ARN as IAM names it for sso actions. */
    public static String accountArn(String accountId) {
        return "arn:aws:sso:::account/" + accountId;
    }

    private void answer(Context ctx, String name, SsoAdminOperation operation) {
        // As STS does: an SDK whose clock drifts corrects its signing time from this.
        HttpDates.stamp(ctx, clock);
        byte[] body = ctx.bodyAsBytes();
        AdminApiCaller caller = callers.authenticate(ReceivedRequests.of(ctx, body), SIGNING_NAME);
        JsonRequestBody input = JsonRequestBody.parse(body);
        RequestContext context = RequestContexts.of(ctx);
        for (String resource : resources(input)) {
            callers.authorize(caller, "sso:" + name, resource, EventSource.SSO_ADMIN, context);
        }
        AwsJson.respond(ctx, operation.run(input, caller.actor(), context));
    }

    /**
     * Every resource the request names, each of which the caller's policies must allow, as IAM decides an action
     * on several resource types; {@code *} for an action on none (ListInstances, CreateInstance).
     */
    private static List<String> resources(JsonRequestBody input) {
        List<String> resources = new ArrayList<>();
        String instance = SsoString.INSTANCE_ARN.optional(input, "InstanceArn");
        if (instance != null) {
            resources.add(instance);
        }
        String permissionSet = SsoString.PERMISSION_SET_ARN.optional(input, "PermissionSetArn");
        if (permissionSet != null) {
            resources.add(permissionSet);
        }
        for (String member : List.of("TargetId", "AccountId")) {
            String account = SsoString.ACCOUNT_ID.optional(input, member);
            if (account != null) {
                resources.add(accountArn(account));
            }
        }
        String tagged = SsoString.TAGGABLE_ARN.optional(input, "ResourceArn");
        if (tagged != null && !resources.contains(tagged)) {
            resources.add(tagged);
        }
        return resources.isEmpty() ? List.of("*") : resources;
    }
}
