package dev.gatehouse.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times on the portal pages, in UTC (the server cannot know the reader's zone without script), with the date since
 * credentials and sessions outlive a day; and how long is left, in hours and minutes.
 */
final class PortalTimes {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PortalTimes() {
    }

    static String text(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** E.g. "in 1 hour", "in 3 hours 20 minutes", "in less than a minute"; rounded down, never overstating. */
    static String remaining(Instant now, Instant until) {
        long minutes = Math.max(0, Duration.between(now, until).toMinutes());
        if (minutes == 0) {
            return "in less than a minute";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        String text = hours == 0 ? plural(rest, "minute")
                : rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
        return "in " + text;
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
