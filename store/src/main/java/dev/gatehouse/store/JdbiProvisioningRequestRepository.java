package dev.gatehouse.store;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.access.ProvisioningRequest;
import dev.gatehouse.core.access.ProvisioningRequestRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiProvisioningRequestRepository implements ProvisioningRequestRepository {

    private static final String COLUMNS =
            "request_id, kind, status, account_id, permission_set_arn, principal_type, principal_id, created_at";

    private final Handles handles;

    JdbiProvisioningRequestRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(ProvisioningRequest request) {
        handles.call(h -> h.createUpdate("INSERT INTO provisioning_requests (" + COLUMNS + ") VALUES (:requestId, "
                        + ":kind, :status, :accountId, :permissionSetArn, :principalType, :principalId, :createdAt)")
                .bind("requestId", request.requestId())
                .bind("kind", request.kind().name())
                .bind("status", request.status())
                .bind("accountId", request.accountId())
                .bind("permissionSetArn", request.permissionSetArn())
                .bind("principalType", request.principalType() == null ? null : request.principalType().name())
                .bind("principalId", request.principalId())
                .bind("createdAt", EpochNanos.of(request.createdAt()))
                .execute());
    }

    @Override
    public Optional<ProvisioningRequest> find(String requestId) {
        return handles.call(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM provisioning_requests WHERE request_id = :requestId")
                .bind("requestId", requestId)
                .map(JdbiProvisioningRequestRepository::map)
                .findOne());
    }

    @Override
    public List<ProvisioningRequest> list(ProvisioningRequest.Kind kind, String afterRequestId, int limit) {
        Keyset page = new Keyset("request_id", afterRequestId, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery("SELECT " + COLUMNS + " FROM provisioning_requests"
                        + " WHERE kind = :kind AND " + page.condition() + page.orderAndLimit()))
                .bind("kind", kind.name())
                .map(JdbiProvisioningRequestRepository::map)
                .list());
    }

    private static ProvisioningRequest map(ResultSet row, StatementContext context) throws SQLException {
        String type = row.getString("principal_type");
        return new ProvisioningRequest(row.getString("request_id"),
                ProvisioningRequest.Kind.valueOf(row.getString("kind")), row.getString("status"),
                row.getString("account_id"), row.getString("permission_set_arn"),
                type == null ? null : PrincipalType.valueOf(type), row.getString("principal_id"),
                EpochNanos.read(row, "created_at"));
    }
}
