package dev.gatehouse.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.AuditQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit trail as CloudTrail-shaped JSON lines, newest first. */
@Command(name = "events", description = "List audit events as JSON lines, newest first.")
final class EventsCommand extends AdminSubcommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--user", description = "only events of this user name")
    String user;

    @Option(names = "--event-name", description = "e.g. CreateToken, GetRoleCredentials, UserAuthentication")
    String eventName;

    @Option(names = "--from", description = "ISO-8601 instant, e.g. 2026-11-26T00:00:00Z")
    String from;

    @Option(names = "--to", description = "ISO-8601 instant")
    String to;

    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Override
    public void run() {
        AuditQuery query = new AuditQuery(user, eventName, instant("--from", from), instant("--to", to), limit);
        for (AuditEvent event : services().auditQueries().find(query)) {
            out().println(toJson(event));
        }
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
        try {
            return JSON.writeValueAsString(event.cloudTrailRecord());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit events hold only plain values", e);
        }
    }
}
