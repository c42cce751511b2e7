package dev.gatehouse.server.identitystore;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.AdminApiCaller;
import dev.gatehouse.core.authz.AdminApiCallers;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.awsjson.AwsJson;
import dev.gatehouse.server.awsjson.AwsJsonService;
import dev.gatehouse.server.http.ApiHandler;
import dev.gatehouse.server.http.HttpDates;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.mail.ActivationMail;
import dev.gatehouse.server.sts.ReceivedRequests;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * identitystore (awsJson 1.1, target prefix {@value #TARGET_PREFIX}, signing name {@value #SIGNING_NAME}): each
 * call is authenticated as a service credential or as a person's role credentials for the management account,
 * decided by the policy engine as {@code identitystore:<Operation>} on the identity store's ARN, then run through
 * the same core services as the console, so it is audited and revokes sessions the same way.
 */
public final class IdentityStoreApi implements AwsJsonService {

    public static final String TARGET_PREFIX = "AWSIdentityStore";
    public static final String SIGNING_NAME = "identitystore";

    private static final ApiHandler API = new ApiHandler("identitystore", IdentityStoreErrors.WRITER);

    private final AdminApiCallers callers;
    private final Clock clock;
    private final String identityStoreId;
    private final Map<String, IdentityStoreOperation> operations = new LinkedHashMap<>();

    /** @param scimEndpoint the SCIM endpoint's URL: the Issuer of the external ids it provisioned */
    public IdentityStoreApi(CoreServices core, String scimEndpoint, AdminApiCallers callers, Clock clock,
                            String identityStoreId, ActivationMail activationMail) {
        this.callers = callers;
        this.clock = clock;
        this.identityStoreId = identityStoreId;
        reads(new IdentityStoreReads(core.identityStore(), new ExternalIdShapes(core.externalIds(), scimEndpoint),
                core.userContacts(), identityStoreId));
        IdentityStoreWrites writes = new IdentityStoreWrites(core.identityStore(), core.userContacts(),
                activationMail, identityStoreId);
        operations.put("CreateUser", writes::createUser);
        operations.put("UpdateUser", writes::updateUser);
        operations.put("DeleteUser", writes::deleteUser);
        operations.put("CreateGroup", writes::createGroup);
        operations.put("UpdateGroup", writes::updateGroup);
        operations.put("DeleteGroup", writes::deleteGroup);
        operations.put("CreateGroupMembership", writes::createGroupMembership);
        operations.put("DeleteGroupMembership", writes::deleteGroupMembership);
    }

    private void reads(IdentityStoreReads reads) {
        operations.put("DescribeUser", (input, actor, context) -> reads.describeUser(input));
        operations.put("ListUsers", (input, actor, context) -> reads.listUsers(input));
        operations.put("GetUserId", (input, actor, context) -> reads.getUserId(input));
        operations.put("DescribeGroup", (input, actor, context) -> reads.describeGroup(input));
        operations.put("ListGroups", (input, actor, context) -> reads.listGroups(input));
        operations.put("GetGroupId", (input, actor, context) -> reads.getGroupId(input));
        operations.put("ListGroupMemberships", (input, actor, context) -> reads.listGroupMemberships(input));
        operations.put("ListGroupMembershipsForMember",
                (input, actor, context) -> reads.listGroupMembershipsForMember(input));
        operations.put("GetGroupMembershipId", (input, actor, context) -> reads.getGroupMembershipId(input));
        operations.put("DescribeGroupMembership", (input, actor, context) -> reads.describeGroupMembership(input));
        operations.put("IsMemberInGroups", (input, actor, context) -> reads.isMemberInGroups(input));
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public Optional<Handler> operation(String name) {
        IdentityStoreOperation operation = operations.get(name);
        return operation == null ? Optional.empty() : Optional.of(API.of(ctx -> answer(ctx, name, operation)));
    }

    /**
     * An operation's answer without HTTP, SigV4 or the policy decision: what the bench times as the work behind a
     * call ({@code DataScaleRun}). Never reachable from a request.
     */
    public Object runTrusted(String name, byte[] body, Actor actor, RequestContext context) {
        return operations.get(name).run(JsonRequestBody.parse(body), actor, context);
    }

    /** The identity store's ARN, on which every action is decided (no account: see docs/admin-api.md). */
    public static String arn(String identityStoreId) {
        return "arn:aws:identitystore:::identitystore/" + identityStoreId;
    }

    /**
     * The requested store's id. Gatehouse's own is accepted as it is: installations before this API drew letters
     * beyond the model's hex digits; any other id is held to the model's pattern.
     */
    private String identityStoreId(JsonRequestBody input) {
        String requested = input.optionalString("IdentityStoreId");
        return identityStoreId.equals(requested) ? requested
                : ModelString.IDENTITY_STORE_ID.required(input, "IdentityStoreId");
    }

    private void answer(Context ctx, String name, IdentityStoreOperation operation) {
        // As STS does: an SDK whose clock drifts corrects its signing time from this.
        HttpDates.stamp(ctx, clock);
        byte[] body = ctx.bodyAsBytes();
        AdminApiCaller caller = callers.authenticate(ReceivedRequests.of(ctx, body), SIGNING_NAME);
        JsonRequestBody input = JsonRequestBody.parse(body);
        String storeId = identityStoreId(input);
        RequestContext context = RequestContexts.of(ctx);
        callers.authorize(caller, "identitystore:" + name, arn(storeId), EventSource.IDENTITY_STORE, context);
        if (!storeId.equals(identityStoreId)) {
            throw DomainException.notFound("Identity store", storeId);
        }
        AwsJson.respond(ctx, operation.run(input, caller.actor(), context));
    }
}
