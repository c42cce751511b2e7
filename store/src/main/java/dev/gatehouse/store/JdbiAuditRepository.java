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
final class JdbiAuditRepository implements AuditRepository {

    private final Handles handles;

    JdbiAuditRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(AuditEvent event) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO audit_events (event_id, event_time, event_source, event_name, user_name,
                               user_name_lc, user_identity, source_ip_address, user_agent, request_parameters,
                               response_elements, error_code, error_message, request_id)
                        VALUES (:eventId, :eventTime, :eventSource, :eventName, :userName, :userNameLc, :userIdentity,
                                :sourceIpAddress, :userAgent, :requestParameters, :responseElements, :errorCode,
                                :errorMessage, :requestId)""")
                        .bind("eventId", event.eventId())
                        .bind("eventTime", EpochNanos.of(event.eventTime()))
                        .bind("eventSource", event.eventSource())
                        .bind("eventName", event.eventName())
                        .bind("userName", event.userName())
                        .bind("userNameLc", Names.lowerCase(event.userName()))
                        .bind("userIdentity", Json.write(event.userIdentity()))
                        .bind("sourceIpAddress", event.sourceIpAddress())
                        .bind("userAgent", event.userAgent())
                        .bind("requestParameters", Json.write(event.requestParameters()))
                        .bind("responseElements", Json.write(event.responseElements()))
                        .bind("errorCode", event.errorCode())
                        .bind("errorMessage", event.errorMessage())
                        .bind("requestId", event.requestId())
                        .execute(),
                violation -> DomainException.exists("AuditEvent", event.eventId())));
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
