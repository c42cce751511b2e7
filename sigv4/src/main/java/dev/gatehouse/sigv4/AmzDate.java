package dev.gatehouse.sigv4;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The request timestamp in SigV4's ISO 8601 basic form ({@code yyyyMMdd'T'HHmmss'Z'}), which is what the
 * string to sign carries whatever header it came from.
 *
 * @param basic  e.g. {@code 20150830T123600Z}
 * @param source the header or parameter it was read from, for error messages
 */
record AmzDate(String basic, Instant instant, String source) {

    private static final Pattern BASIC_SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Parses the basic form, as {@code X-Amz-Date} must be. */
    static AmzDate parseBasic(String text, String source) throws SigV4Exception {
        // The shape check keeps out signs, spaces and extra digits the formatter would tolerate.
        if (BASIC_SHAPE.matcher(text).matches()) {
            try {
                return new AmzDate(text, LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC), source);
            } catch (DateTimeParseException e) {
                // falls through to the error below: right shape, impossible date
            }
        }
        throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, source + " is not of the form yyyyMMdd'T'HHmmss'Z'");
    }

    /** The {@code Date} header fallback: some clients send the basic form there, others RFC 1123. */
    static AmzDate parseDateHeader(String text) throws SigV4Exception {
        if (BASIC_SHAPE.matcher(text).matches()) {
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
