package dev.gatehouse.core.port;

import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.AuditQuery;
import java.util.List;

public interface AuditRepository {

    void insert(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> find(AuditQuery query);
}
