package dev.gatehouse.core.access;

import java.util.List;
import java.util.Optional;

public interface ProvisioningRequestRepository {

    void insert(ProvisioningRequest request);

    Optional<ProvisioningRequest> find(String requestId);

    /** Requests of one kind, ordered by request id, after {@code afterRequestId} (null: from the start). */
    List<ProvisioningRequest> list(ProvisioningRequest.Kind kind, String afterRequestId, int limit);
}
