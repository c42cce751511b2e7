package dev.gatehouse.server.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header AWS sends with every answer to a signed request. */
public final class HttpDates {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** SDKs whose clock drifts correct their signing time from it and sign again. */
    public static void stamp(Context ctx, Clock clock) {
        ctx.header("Date", HTTP_DATE.format(clock.instant()));
    }
}
