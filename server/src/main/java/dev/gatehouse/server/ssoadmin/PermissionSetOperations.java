package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.AccessModelService.PermissionSetChanges;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.awsjson.AwsJson;
import dev.gatehouse.server.awsjson.PageTokens;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Permission sets through the same core service as the console. Every change is made at once, so a set is always
 * provisioned where it is assigned: there is nothing for ProvisionPermissionSet to catch up.
 */
final class PermissionSetOperations {

    static final List<String> PROVISIONING_STATUSES = List.of("LATEST_PERMISSION_SET_PROVISIONED",
            "LATEST_PERMISSION_SET_NOT_PROVISIONED");

    private final SsoScope scope;
    private final AccessModelService access;

    PermissionSetOperations(SsoScope scope) {
        this.scope = scope;
        this.access = scope.access();
    }

    Object create(JsonRequestBody input, Actor actor, RequestContext context) {
        scope.instanceArn(input);
        PermissionSet created = access.createPermissionSet(new NewPermissionSet(
                SsoString.PERMISSION_SET_NAME.required(input, "Name"),
                SsoString.DESCRIPTION.optional(input, "Description"),
                SsoString.DURATION.optional(input, "SessionDuration"), List.of(), null, null,
                SsoString.RELAY_STATE.optional(input, "RelayState"), SsoInputs.tags(input, "Tags")), actor, context);
        return Map.of("PermissionSet", shape(created));
    }

    Object describe(JsonRequestBody input) {
        return Map.of("PermissionSet", shape(scope.permissionSet(input)));
    }

    /** Members not sent keep their values, as in AWS. */
    Object update(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet current = scope.permissionSet(input);
        String description = SsoString.DESCRIPTION.optional(input, "Description");
        String duration = SsoString.DURATION.optional(input, "SessionDuration");
        String relayState = SsoString.RELAY_STATE.optional(input, "RelayState");
        change(current, new PermissionSetChanges(description == null ? current.description() : description,
                duration == null ? current.sessionDuration().toString() : duration, current.managedPolicies(),
                current.inlinePolicy(), current.permissionsBoundary(),
                relayState == null ? current.relayState() : relayState, current.tags()), actor, context);
        return Map.of();
    }

    Object delete(JsonRequestBody input, Actor actor, RequestContext context) {
        access.deletePermissionSet(scope.permissionSet(input).permissionSetArn(), actor, context);
        return Map.of();
    }

    Object list(JsonRequestBody input) {
        scope.instanceArn(input);
        int limit = SsoInputs.maxResults(input);
        Page<PermissionSet> page = access.permissionSetPage(SsoInputs.position(input, "permissionSets"), limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("PermissionSets", page.items().stream().map(PermissionSet::permissionSetArn).toList());
        if (page.nextToken() != null) {
            answer.put("NextToken", PageTokens.next("permissionSets", page.nextToken()));
        }
        return answer;
    }

    /** The sets assigned in the account: each is provisioned there the moment it is assigned. */
    Object listProvisionedToAccount(JsonRequestBody input) {
        scope.instanceArn(input);
        String accountId = scope.account(input, "AccountId").accountId();
        String status = SsoInputs.enumValue(input, "ProvisioningStatus", PROVISIONING_STATUSES, false);
        List<String> arns = "LATEST_PERMISSION_SET_NOT_PROVISIONED".equals(status) ? List.of()
                : access.assignments(accountId).stream().map(AccountAssignment::permissionSetArn).distinct()
                .sorted().toList();
        return SsoInputs.page(input, "provisionedTo/" + accountId, "PermissionSets", arns, arn -> arn);
    }

    Object tag(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet current = taggable(input, true);
        Map<String, String> added = SsoInputs.tags(input, "Tags");
        if (added == null) {
            throw SsoString.invalid("Tags", "Member must not be null");
        }
        Map<String, String> tags = new LinkedHashMap<>(current.tags());
        tags.putAll(added);
        change(current, unchanged(current, tags), actor, context);
        return Map.of();
    }

    Object untag(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet current = taggable(input, true);
        List<String> keys = input.optionalStringList("TagKeys");
        if (keys == null || keys.isEmpty() || keys.size() > SsoInputs.MAX_TAGS) {
            throw SsoString.invalid("TagKeys", "Member must have length between 1 and " + SsoInputs.MAX_TAGS);
        }
        keys.forEach(key -> SsoString.TAG_KEY.check("TagKeys", key));
        Map<String, String> tags = new LinkedHashMap<>(current.tags());
        keys.forEach(tags::remove);
        change(current, unchanged(current, tags), actor, context);
        return Map.of();
    }

    /** The instance has no tags in Gatehouse: its list is empty. */
    Object listTags(JsonRequestBody input) {
        PermissionSet set = taggable(input, false);
        List<Map<String, String>> tags = set == null ? List.of() : SsoInputs.tagList(set.tags());
        return SsoInputs.page(input, "tags", "Tags", tags, tag -> tag);
    }

    /** The permission set that ResourceArn names, or null for the instance when {@code change} is false. */
    private PermissionSet taggable(JsonRequestBody input, boolean change) {
        if (input.optionalString("InstanceArn") != null) {
            scope.instanceArn(input);
        }
        String arn = SsoString.TAGGABLE_ARN.required(input, "ResourceArn");
        if (arn.equals(scope.instance().instanceArn())) {
            if (change) {
                throw SsoString.invalid("ResourceArn", "Gatehouse keeps tags on permission sets only");
            }
            return null;
        }
        if (!arn.contains(":permissionSet/")) {
            throw DomainException.notFound("Resource", arn);
        }
        return scope.permissionSet(arn);
    }

    private void change(PermissionSet current, PermissionSetChanges changes, Actor actor, RequestContext context) {
        access.updatePermissionSet(current.permissionSetArn(), changes, actor, context);
    }

    /** Every setting as it is but the tags. */
    private static PermissionSetChanges unchanged(PermissionSet current, Map<String, String> tags) {
        return new PermissionSetChanges(current.description(), current.sessionDuration().toString(),
                current.managedPolicies(), current.inlinePolicy(), current.permissionsBoundary(),
                current.relayState(), tags);
    }

    static Map<String, Object> shape(PermissionSet set) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Name", set.name());
        shape.put("PermissionSetArn", set.permissionSetArn());
        if (set.description() != null) {
            shape.put("Description", set.description());
        }
        shape.put("CreatedDate", AwsJson.epochSeconds(set.createdAt()));
        shape.put("SessionDuration", set.sessionDuration().toString());
        if (set.relayState() != null) {
            shape.put("RelayState", set.relayState());
        }
        return shape;
    }
}
