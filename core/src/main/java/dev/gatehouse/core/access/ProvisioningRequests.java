package dev.gatehouse.core.access;

import dev.gatehouse.core.access.ProvisioningRequest.Kind;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * sso-admin's asynchronous requests, done at once: each change goes through {@link AccessModelService} as the
 * console's does (the same audit, the same session revocation), and its outcome is kept in the same transaction,
 * so there is never a status without its change or a change without its status.
 */
public final class ProvisioningRequests {

    private final ProvisioningRequestRepository requests;
    private final AccessModelService access;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;

    public ProvisioningRequests(ProvisioningRequestRepository requests, AccessModelService access,
                                Transactions transactions, Clock clock, AuditLog audit) {
        this.requests = requests;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Permission sets take effect where they are assigned the moment they change, so provisioning only checks
     * that the set (and the account, if one is named) exist, and records that it is done.
     *
     * @param accountId null for all the accounts the set is provisioned to
     */
    public ProvisioningRequest provision(String permissionSetArn, String accountId, Actor actor,
                                         RequestContext context) {
        PermissionSet set = access.permissionSet(permissionSetArn);
        String account = accountId == null ? null : access.account(accountId).accountId();
        return transactions.inTransaction(() -> {
            ProvisioningRequest request = record(Kind.PROVISION_PERMISSION_SET, account, set.permissionSetArn(),
                    null, null);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("permissionSetArn", set.permissionSetArn());
            parameters.put("targetType", account == null ? "ALL_PROVISIONED_ACCOUNTS" : "AWS_ACCOUNT");
            if (account != null) {
                parameters.put("targetId", account);
            }
            audit.as(actor, EventSource.SSO_ADMIN, context).success("ProvisionPermissionSet", parameters,
                    Map.of("requestId", request.requestId()));
            return request;
        });
    }

    /** @param principal the user's name or the group's display name, as {@link AccessModelService#assign} takes */
    public ProvisioningRequest createAssignment(String accountId, String permissionSetArn, PrincipalType type,
                                                String principal, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            AccountAssignment assignment = access.assign(accountId, permissionSetArn, type, principal, actor,
                    context);
            return record(Kind.CREATE_ACCOUNT_ASSIGNMENT, assignment.accountId(), assignment.permissionSetArn(),
                    type, assignment.principalId());
        });
    }

    /** Ends the sessions of those who held access through the assignment, as the console does. */
    public ProvisioningRequest deleteAssignment(String accountId, String permissionSetArn, PrincipalType type,
                                                String principal, String principalId, Actor actor,
                                                RequestContext context) {
        return transactions.inTransaction(() -> {
            access.unassign(accountId, permissionSetArn, type, principal, actor, context);
            return record(Kind.DELETE_ACCOUNT_ASSIGNMENT, accountId, permissionSetArn, type, principalId);
        });
    }

    /** The request of this kind with this id; another kind's id is not found, as in AWS. */
    public ProvisioningRequest find(Kind kind, String requestId) {
        return requests.find(requestId).filter(request -> request.kind() == kind)
                .orElseThrow(() -> DomainException.notFound("Request", requestId));
    }

    public Page<ProvisioningRequest> page(Kind kind, String afterRequestId, int limit) {
        return Page.fromOneMore(requests.list(kind, afterRequestId, limit + 1), limit,
                ProvisioningRequest::requestId);
    }

    private ProvisioningRequest record(Kind kind, String accountId, String permissionSetArn, PrincipalType type,
                                       String principalId) {
        ProvisioningRequest request = new ProvisioningRequest(UUID.randomUUID().toString(), kind,
                ProvisioningRequest.SUCCEEDED, accountId, permissionSetArn, type, principalId, clock.instant());
        requests.insert(request);
        return request;
    }
}
