package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.AccessModelService.DescribedAssignment;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.access.ProvisioningRequest;
import dev.gatehouse.core.access.ProvisioningRequest.Kind;
import dev.gatehouse.core.access.ProvisioningRequests;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.awsjson.PageTokens;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account assignments and what sso-admin calls provisioning. The changes go through the console's core service
 * (deleting an assignment ends its holders' sessions there); each answers a request id whose status is
 * SUCCEEDED at once, since the work is done before the answer.
 */
final class AssignmentOperations {

    private static final List<String> TARGET_TYPES = List.of("AWS_ACCOUNT");
    private static final List<String> PRINCIPAL_TYPES = List.of("USER", "GROUP");

    private final SsoScope scope;
    private final AccessModelService access;
    private final ProvisioningRequests requests;
    private final IdentityStoreService directory;

    AssignmentOperations(SsoScope scope, ProvisioningRequests requests, IdentityStoreService directory) {
        this.scope = scope;
        this.access = scope.access();
        this.requests = requests;
        this.directory = directory;
    }

    Object provision(JsonRequestBody input, Actor actor, RequestContext context) {
        PermissionSet set = scope.permissionSet(input);
        String targetType = SsoInputs.enumValue(input, "TargetType", List.of("AWS_ACCOUNT",
                "ALL_PROVISIONED_ACCOUNTS"), true);
        String accountId = targetType.equals("AWS_ACCOUNT") ? SsoString.ACCOUNT_ID.required(input, "TargetId")
                : SsoString.ACCOUNT_ID.optional(input, "TargetId");
        ProvisioningRequest request = requests.provision(set.permissionSetArn(),
                targetType.equals("AWS_ACCOUNT") ? accountId : null, actor, context);
        return Map.of("PermissionSetProvisioningStatus", SsoStatuses.provisioning(request));
    }

    Object describeProvisioning(JsonRequestBody input) {
        scope.instanceArn(input);
        return Map.of("PermissionSetProvisioningStatus", SsoStatuses.provisioning(requests.find(
                Kind.PROVISION_PERMISSION_SET, SsoString.REQUEST_ID.required(input, "ProvisionPermissionSetRequestId"))));
    }

    Object listProvisioning(JsonRequestBody input) {
        return statuses(input, Kind.PROVISION_PERMISSION_SET, "PermissionSetsProvisioningStatus");
    }

    Object create(JsonRequestBody input, Actor actor, RequestContext context) {
        Target target = target(input);
        ProvisioningRequest request = requests.createAssignment(target.accountId(), target.permissionSetArn(),
                target.type(), principalName(target.type(), target.principalId()), actor, context);
        return Map.of("AccountAssignmentCreationStatus", SsoStatuses.assignment(request));
    }

    /** Ends the sessions of those who held access through it, as the console does. */
    Object delete(JsonRequestBody input, Actor actor, RequestContext context) {
        Target target = target(input);
        ProvisioningRequest request = requests.deleteAssignment(target.accountId(), target.permissionSetArn(),
                target.type(), principalName(target.type(), target.principalId()), target.principalId(), actor,
                context);
        return Map.of("AccountAssignmentDeletionStatus", SsoStatuses.assignment(request));
    }

    Object describeCreation(JsonRequestBody input) {
        scope.instanceArn(input);
        return Map.of("AccountAssignmentCreationStatus", SsoStatuses.assignment(requests.find(
                Kind.CREATE_ACCOUNT_ASSIGNMENT,
                SsoString.REQUEST_ID.required(input, "AccountAssignmentCreationRequestId"))));
    }

    Object describeDeletion(JsonRequestBody input) {
        scope.instanceArn(input);
        return Map.of("AccountAssignmentDeletionStatus", SsoStatuses.assignment(requests.find(
                Kind.DELETE_ACCOUNT_ASSIGNMENT,
                SsoString.REQUEST_ID.required(input, "AccountAssignmentDeletionRequestId"))));
    }

    Object listCreations(JsonRequestBody input) {
        return statuses(input, Kind.CREATE_ACCOUNT_ASSIGNMENT, "AccountAssignmentsCreationStatus");
    }

    Object listDeletions(JsonRequestBody input) {
        return statuses(input, Kind.DELETE_ACCOUNT_ASSIGNMENT, "AccountAssignmentsDeletionStatus");
    }

    Object list(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        Account account = scope.account(input, "AccountId");
        List<AccountAssignment> held = access.assignments(account.accountId()).stream()
                .filter(assignment -> assignment.permissionSetArn().equals(set.permissionSetArn())).toList();
        return SsoInputs.page(input, "assignments/" + account.accountId() + "/" + set.permissionSetId(),
                "AccountAssignments", held, SsoStatuses::assignment);
    }

    Object listForPrincipal(JsonRequestBody input) {
        scope.instanceArn(input);
        PrincipalType type = PrincipalType.valueOf(SsoInputs.enumValue(input, "PrincipalType", PRINCIPAL_TYPES,
                true));
        String principalId = SsoString.PRINCIPAL_ID.required(input, "PrincipalId");
        String accountId = input.optionalObject("Filter")
                .map(filter -> SsoString.ACCOUNT_ID.optional(filter, "AccountId")).orElse(null);
        List<DescribedAssignment> held = access.assignmentsOf(type, principalName(type, principalId)).stream()
                .filter(assignment -> accountId == null || assignment.account().accountId().equals(accountId))
                .toList();
        return SsoInputs.page(input, "principal/" + principalId, "AccountAssignments", held,
                assignment -> SsoStatuses.assignment(new AccountAssignment(assignment.account().accountId(),
                        assignment.permissionSet().permissionSetArn(), assignment.principalType(),
                        assignment.principalId())));
    }

    /**
     * The accounts where the set is assigned: it is provisioned there the moment it is assigned. Paged by account
     * id, so a page costs the same at 30,000 accounts as at 30.
     */
    Object listAccountsForPermissionSet(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        String status = SsoInputs.enumValue(input, "ProvisioningStatus",
                PermissionSetOperations.PROVISIONING_STATUSES, false);
        String list = "accounts/" + set.permissionSetId();
        Page<String> page = "LATEST_PERMISSION_SET_NOT_PROVISIONED".equals(status) ? new Page<>(List.of(), null)
                : access.accountsWithPermissionSet(set.permissionSetArn(), SsoInputs.position(input, list),
                SsoInputs.maxResults(input));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("AccountIds", page.items());
        if (page.nextToken() != null) {
            answer.put("NextToken", PageTokens.next(list, page.nextToken()));
        }
        return answer;
    }

    /** Every status is SUCCEEDED, so a filter on another status lists none. */
    private Object statuses(JsonRequestBody input, Kind kind, String member) {
        scope.instanceArn(input);
        int limit = SsoInputs.maxResults(input);
        String status = input.optionalObject("Filter").map(filter -> SsoInputs.enumValue(filter, "Status",
                List.of("IN_PROGRESS", "FAILED", "SUCCEEDED"), false)).orElse(null);
        String list = "statuses/" + kind.name();
        Page<ProvisioningRequest> page = status != null && !status.equals(ProvisioningRequest.SUCCEEDED)
                ? new Page<>(List.of(), null) : requests.page(kind, SsoInputs.position(input, list), limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(member, page.items().stream().map(SsoStatuses::metadata).toList());
        if (page.nextToken() != null) {
            answer.put("NextToken", PageTokens.next(list, page.nextToken()));
        }
        return answer;
    }

    private record Target(String accountId, String permissionSetArn, PrincipalType type, String principalId) { }

    private Target target(JsonRequestBody input) {
        PermissionSet set = scope.permissionSet(input);
        String accountId = SsoString.ACCOUNT_ID.required(input, "TargetId");
        SsoInputs.enumValue(input, "TargetType", TARGET_TYPES, true);
        PrincipalType type = PrincipalType.valueOf(SsoInputs.enumValue(input, "PrincipalType", PRINCIPAL_TYPES,
                true));
        return new Target(accountId, set.permissionSetArn(), type,
                SsoString.PRINCIPAL_ID.required(input, "PrincipalId"));
    }

    /** Core names principals as people do; the API names them by id. */
    private String principalName(PrincipalType type, String principalId) {
        return switch (type) {
            case USER -> directory.userById(principalId).userName();
            case GROUP -> directory.groupById(principalId).displayName();
        };
    }
}
