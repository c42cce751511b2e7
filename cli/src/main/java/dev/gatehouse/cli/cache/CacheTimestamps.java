package dev.gatehouse.cli.cache;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The timestamps of the cache files. Written as {@code 2026-05-01T12:00:00Z}, the form current AWS CLIs write;
 * read in every form the AWS tools have written ({@code …Z}, {@code …UTC}, {@code …+00:00}, with fractions).
 */
public final class CacheTimestamps {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private CacheTimestamps() {
    }

    public static String format(Instant instant) {
        return WRITTEN.format(instant);
    }

    /** Python's {@code datetime.isoformat()} of a UTC time, as the AWS CLI prints credential expirations. */
    public static String isoFormat(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "+00:00";
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.endsWith("UTC")) {
            value = value.substring(0, value.length() - 3) + "Z";
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
