package dev.gatehouse.core.testing;

import dev.gatehouse.core.access.ProvisioningRequest;
import dev.gatehouse.core.access.ProvisioningRequestRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryProvisioningRequests implements ProvisioningRequestRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryProvisioningRequests(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(ProvisioningRequest request) {
        statements.run(() -> tables.provisioningRequests.put(request.requestId(), request));
    }

    @Override
    public Optional<ProvisioningRequest> find(String requestId) {
        return statements.read("ProvisioningRequestRepository.find",
                () -> tables.provisioningRequests.get(requestId));
    }

    @Override
    public List<ProvisioningRequest> list(ProvisioningRequest.Kind kind, String afterRequestId, int limit) {
        return statements.read("ProvisioningRequestRepository.list", () -> tables.provisioningRequests.rows()
                .filter(request -> request.kind() == kind)
                .filter(request -> afterRequestId == null || request.requestId().compareTo(afterRequestId) > 0)
                .sorted(Comparator.comparing(ProvisioningRequest::requestId))
                .limit(limit)
                .toList());
    }
}
