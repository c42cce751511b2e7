package dev.gatehouse.core.audit;

import java.util.List;

public interface AuditRepository {

    /**
     * Returns once the event is stored: inside a transaction, it commits with it; outside one it is committed before
     * this returns (a backend may commit the events of concurrent callers together).
     */
    void insert(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> find(AuditQuery query);
}
