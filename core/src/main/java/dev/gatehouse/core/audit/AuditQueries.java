package dev.gatehouse.core.audit;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import java.util.List;

/** Reading the audit trail back, for `admin events` and the console. */
public final class AuditQueries {

    private final AuditRepository events;

    public AuditQueries(AuditRepository events) {
        this.events = events;
    }

    public List<AuditEvent> find(AuditQuery query) {
        return events.find(query);
    }

    /**
     * One page of the events that match, newest first, at most {@code query.limit()}.
     *
     * @param pageToken the previous page's {@code nextToken}, or null for the newest events
     */
    public Page<AuditEvent> page(AuditQuery query, String pageToken) {
        AuditQuery from = query;
        if (pageToken != null && !pageToken.isBlank()) {
            from = query.before(AuditCursor.parse(pageToken).orElseThrow(() -> DomainException.invalid("next",
                    "That page of events cannot be found. Start again from the newest events.")));
        }
        return Page.fromOneMore(events.find(from.withLimit(query.limit() + 1)), query.limit(),
                event -> AuditCursor.at(event).token());
    }
}
