package dev.gatehouse.store;

import dev.gatehouse.core.audit.AuditEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * An audit event as the columns it is stored in, made on the calling thread (JSON written there, in parallel), so
 * that the one thread committing a batch only binds values. The batch goes through plain JDBC: JDBI's per-argument
 * binding costs more than the insert itself on that single thread.
 */
record AuditRow(String eventId, long eventTime, String eventSource, String eventName, String userName,
                String userNameLc, String userIdentity, String sourceIpAddress, String userAgent,
                String requestParameters, String responseElements, String errorCode, String errorMessage,
                String requestId) {

    private static final String INSERT = """
            INSERT INTO audit_events (event_id, event_time, event_source, event_name, user_name, user_name_lc,
                   user_identity, source_ip_address, user_agent, request_parameters, response_elements, error_code,
                   error_message, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static AuditRow of(AuditEvent event) {
        return new AuditRow(event.eventId(), EpochNanos.of(event.eventTime()), event.eventSource(), event.eventName(),
                event.userName(), Names.lowerCase(event.userName()), Json.write(event.userIdentity()),
                event.sourceIpAddress(), event.userAgent(), Json.write(event.requestParameters()),
                Json.write(event.responseElements()), event.errorCode(), event.errorMessage(), event.requestId());
    }

    /** Inserts {@code rows} with one prepared statement on {@code handle}, in whatever transaction it is in. */
    static void insertAll(Handle handle, List<AuditRow> rows) {
        try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
            for (AuditRow row : rows) {
                row.bind(insert);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private void bind(PreparedStatement insert) throws SQLException {
        insert.setString(1, eventId);
        insert.setLong(2, eventTime);
        String[] rest = {eventSource, eventName, userName, userNameLc, userIdentity, sourceIpAddress, userAgent,
                requestParameters, responseElements, errorCode, errorMessage, requestId};
        for (int i = 0; i < rest.length; i++) {
            insert.setString(3 + i, rest[i]);
        }
    }
}
