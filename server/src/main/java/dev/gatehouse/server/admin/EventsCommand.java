package dev.gatehouse.server.admin;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit trail as CloudTrail-shaped JSON lines, newest first: for reading, and with --all for exporting. */
@Command(name = "events", description = "List audit events as JSON lines (one CloudTrail record each), newest first.")
final class EventsCommand extends AdminSubcommand implements Runnable {

    /** Pages of an export: big enough to be quick, small enough to hold in memory. */
    private static final int EXPORT_PAGE = 500;

    @Option(names = "--user", description = "only events of this user name")
    String user;

    @Option(names = "--event-name", description = "e.g. CreateToken, GetRoleCredentials, UserAuthentication")
    String eventName;

    @Option(names = "--from", description = "ISO-8601 instant, e.g. 2026-11-26T00:00:00Z")
    String from;

    @Option(names = "--to", description = "ISO-8601 instant")
    String to;

    @Option(names = "--event-source", description = "e.g. signin.amazonaws.com, sso-oauth.amazonaws.com")
    String eventSource;

    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Option(names = "--all", description = "Every matching event, whatever --limit says: an export.")
    boolean all;

    @Override
    public void run() {
        if (limit < 1) {
            throw DomainException.invalid("--limit", "--limit must be at least 1");
        }
        AuditQuery query = new AuditQuery(user, eventName, eventSource, instant("--from", from), instant("--to", to),
                null, all ? EXPORT_PAGE : limit);
        String next = null;
        do {
            Page<AuditEvent> page = core().auditQueries().page(query, next);
            page.items().forEach(event -> out().println(toJson(event)));
            next = all ? page.nextToken() : null;
        } while (next != null);
    }

    private static Instant instant(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(option, option + " must be an ISO-8601 instant such as 2026-11-26T00:00:00Z");
        }
    }

    static String toJson(AuditEvent event) {
        return Json.write(event.cloudTrailRecord());
    }
}
