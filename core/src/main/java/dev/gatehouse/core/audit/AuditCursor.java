package dev.gatehouse.core.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A position in the audit trail, which is ordered newest first by time and then by event id (two events may share
 * a nanosecond). As a page token it reads {@code <eventTime>~<eventId>}.
 */
public record AuditCursor(Instant eventTime, String eventId) {

    private static final char SEPARATOR = '~';

    public static AuditCursor at(AuditEvent event) {
        return new AuditCursor(event.eventTime(), event.eventId());
    }

    public String token() {
        return eventTime.toString() + SEPARATOR + eventId;
    }

    /** The cursor a token names, or empty when it is not one: tokens come back through the query string. */
    public static Optional<AuditCursor> parse(String token) {
        int separator = token == null ? -1 : token.indexOf(SEPARATOR);
        if (separator < 1 || separator == token.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditCursor(Instant.parse(token.substring(0, separator)),
                    token.substring(separator + 1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
