package dev.gatehouse.core.audit;

import dev.gatehouse.core.error.DomainError;
import java.util.Map;

/**
 * Writes the audit events of one actor, from one event source, in one request: bound once, so each event names
 * only what differs — the operation, its parameters and its outcome.
 */
public final class Auditor {

    private final AuditLog log;
    private final Actor actor;
    private final String source;
    private final RequestContext context;

    Auditor(AuditLog log, Actor actor, String source, RequestContext context) {
        this.log = log;
        this.actor = actor;
        this.source = source;
        this.context = context;
    }

    public void success(String name, Map<String, Object> parameters) {
        success(name, parameters, Map.of());
    }

    public void success(String name, Map<String, Object> parameters, Map<String, Object> response) {
        log.success(context, actor, source, name, parameters, response);
    }

    public void failure(String name, Map<String, Object> parameters, DomainError error) {
        log.failure(context, actor, source, name, parameters, error);
    }
}
