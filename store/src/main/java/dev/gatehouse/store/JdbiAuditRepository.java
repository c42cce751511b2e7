package dev.gatehouse.store;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.AuditRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user name filter ignores case, as user names do. The time range includes both ends, as CloudTrail's
 * LookupEvents does. Pages continue strictly before the cursor in the (time, id) order the list is sorted by.
 */
final class JdbiAuditRepository implements AuditRepository, AutoCloseable {

    /** Events waiting for the writer before callers wait for room: far above what 64 connections keep pending. */
    private static final int PENDING_EVENTS = 4096;
    /** Events in one transaction at most, so that one commit stays short. */
    private static final int BATCH_EVENTS = 512;

    private final Handles handles;
    private final GroupCommit<AuditRow> groupCommit;

    JdbiAuditRepository(Handles handles) {
        this.handles = handles;
        this.groupCommit = new GroupCommit<>("gatehouse-audit-writer",
                rows -> handles.atomically(h -> {
                    AuditRow.insertAll(h, rows);
                    return null;
                }), PENDING_EVENTS, BATCH_EVENTS);
    }

    /**
     * Inside a transaction the event joins it, so that it commits (or not) with the change it records. Outside
     * one (reads such as GetRoleCredentials, refusals) it is group-committed with the events of other requests:
     * this returns once it is in the database, or throws what the shared commit threw.
     */
    @Override
    public void insert(AuditEvent event) {
        AuditRow row = AuditRow.of(event);
        if (!handles.inTransaction()) {
            groupCommit.submit(row);
            return;
        }
        handles.call(h -> Constraints.guarded(h, () -> {
            AuditRow.insertAll(h, List.of(row));
            return null;
        }, violation -> DomainException.exists("AuditEvent", event.eventId())));
    }

    /** Commits what is still pending; events handed over afterwards are refused. */
    @Override
    public void close() {
        groupCommit.close();
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        if (query.limit() <= 0) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.userName() != null) {
            conditions.add("user_name_lc = :userNameLc");
            parameters.put("userNameLc", Names.lowerCase(query.userName()));
        }
        if (query.eventName() != null) {
            conditions.add("event_name = :eventName");
            parameters.put("eventName", query.eventName());
        }
        if (query.eventSource() != null) {
            conditions.add("event_source = :eventSource");
            parameters.put("eventSource", query.eventSource());
        }
        if (query.before() != null) {
            conditions.add("(event_time < :beforeTime OR (event_time = :beforeTime AND event_id < :beforeId))");
            parameters.put("beforeTime", EpochNanos.of(query.before().eventTime()));
            parameters.put("beforeId", query.before().eventId());
        }
        if (query.from() != null) {
            conditions.add("event_time >= :from");
            parameters.put("from", EpochNanos.of(query.from()));
        }
        if (query.to() != null) {
            conditions.add("event_time <= :to");
            parameters.put("to", EpochNanos.of(query.to()));
        }
        parameters.put("limit", query.limit());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return handles.call(h -> h.createQuery("""
                        SELECT event_id, event_time, event_source, event_name, user_name, user_identity,
                               source_ip_address, user_agent, request_parameters, response_elements, error_code,
                               error_message, request_id
                        FROM audit_events""" + where + " ORDER BY event_time DESC, event_id DESC LIMIT :limit")
                .bindMap(parameters)
                .map((row, context) -> new AuditEvent(row.getString("event_id"), EpochNanos.read(row, "event_time"),
                        row.getString("event_source"), row.getString("event_name"), row.getString("user_name"),
                        Json.object(row.getString("user_identity")), row.getString("source_ip_address"),
                        row.getString("user_agent"), Json.object(row.getString("request_parameters")),
                        Json.object(row.getString("response_elements")), row.getString("error_code"),
                        row.getString("error_message"), row.getString("request_id")))
                .list());
    }
}
