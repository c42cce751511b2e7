package dev.gatehouse.core.service;

import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.AuditQuery;
import dev.gatehouse.core.port.Store;
import java.util.List;

/** Reading the audit trail back, for `admin events` and later the console. */
public final class AuditQueries {

    private final Store store;

    public AuditQueries(Store store) {
        this.store = store;
    }

    public List<AuditEvent> find(AuditQuery query) {
        return store.audit().find(query);
    }
}
