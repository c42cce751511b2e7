package dev.gatehouse.core.audit;

import java.util.List;

public interface AuditRepository {

    void insert(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> find(AuditQuery query);
}
