package dev.gatehouse.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An expiry as a person reads it: the time in UTC (the server cannot know the reader's zone without script)
 * and how long is left, which is what matters for a ten-minute device code.
 */
record ExpiryText(String iso, String at, String in) {

    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    static ExpiryText of(Instant expiresAt, Instant now) {
        long seconds = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        // Rounded up: "in 1 minute" with 20 seconds left is closer to the truth than "in 0 minutes".
        long minutes = (seconds + 59) / 60;
        String left = seconds < 60 ? "in less than a minute"
                : minutes == 1 ? "in 1 minute" : "in " + minutes + " minutes";
        return new ExpiryText(expiresAt.toString(), CLOCK_TIME.format(expiresAt), left);
    }
}
