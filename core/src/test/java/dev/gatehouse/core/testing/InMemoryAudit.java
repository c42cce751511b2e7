package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.AuditRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Audit events, newest first, in (time, id) order; the user name filter ignores case and the time range includes
 * both ends, as in the JDBC store.
 */
final class InMemoryAudit implements AuditRepository {

    private static final Comparator<AuditEvent> NEWEST_FIRST = Comparator.comparing(AuditEvent::eventTime)
            .thenComparing(AuditEvent::eventId).reversed();

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryAudit(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(AuditEvent event) {
        statements.run(() -> {
            if (tables.auditEvents.contains(event.eventId())) {
                throw DomainException.exists("AuditEvent", event.eventId());
            }
            tables.auditEvents.put(event.eventId(), event);
        });
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        if (query.limit() <= 0) {
            return List.of();
        }
        return statements.read("AuditRepository.find", () -> tables.auditEvents.rows()
                .filter(e -> query.userName() == null
                        || Objects.equals(lowerCase(e.userName()), lowerCase(query.userName())))
                .filter(e -> query.eventName() == null || query.eventName().equals(e.eventName()))
                .filter(e -> query.eventSource() == null || query.eventSource().equals(e.eventSource()))
                .filter(e -> query.before() == null || e.eventTime().isBefore(query.before().eventTime())
                        || e.eventTime().equals(query.before().eventTime())
                        && e.eventId().compareTo(query.before().eventId()) < 0)
                .filter(e -> query.from() == null || !e.eventTime().isBefore(query.from()))
                .filter(e -> query.to() == null || !e.eventTime().isAfter(query.to()))
                .sorted(NEWEST_FIRST)
                .limit(query.limit())
                .toList());
    }
}
