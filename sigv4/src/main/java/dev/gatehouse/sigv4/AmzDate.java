package dev.gatehouse.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The request timestamp in SigV4's ISO 8601 basic form ({@code yyyyMMdd'T'HHmmss'Z'}), which is what the
 * string to sign carries whatever header it came from.
 *
 * @param basic  e.g. {@code 20150830T123600Z}
 * @param source the header or parameter it was read from, for error messages
 */
record AmzDate(String basic, Instant instant, String source) {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Parses the basic form, as {@code X-Amz-Date} must be: by position, as it is read on every request. */
    static AmzDate parseBasic(String text, String source) throws SigV4Exception {
        // The shape check keeps out signs, spaces and extra digits a lenient parser would tolerate.
        if (hasBasicShape(text)) {
            try {
                LocalDateTime at = LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8),
                        digits(text, 9, 11), digits(text, 11, 13), digits(text, 13, 15));
                return new AmzDate(text, at.toInstant(ZoneOffset.UTC), source);
            } catch (DateTimeException e) {
                // falls through to the error below: right shape, impossible date
            }
        }
        throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, source + " is not of the form yyyyMMdd'T'HHmmss'Z'");
    }

    /** Exactly {@code dddddddd'T'dddddd'Z'} in ASCII digits. */
    private static boolean hasBasicShape(String text) {
        if (text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            char c = text.charAt(i);
            if (i != 8 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /** The {@code Date} header fallback: some clients send the basic form there, others RFC 1123. */
    static AmzDate parseDateHeader(String text) throws SigV4Exception {
        if (hasBasicShape(text)) {
            return parseBasic(text, "Date");
        }
        try {
            Instant instant = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return new AmzDate(BASIC.format(instant.atOffset(ZoneOffset.UTC)), instant, "Date");
        } catch (DateTimeParseException e) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "Date header is neither ISO 8601 basic nor RFC 1123");
        }
    }

    /** The {@code yyyyMMdd} part, which the credential scope must repeat. */
    String date() {
        return basic.substring(0, 8);
    }
}
