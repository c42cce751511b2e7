package dev.gatehouse.server.sts;

import dev.gatehouse.sigv4.ReceivedRequest;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Captures a request as it arrived, for the signature check: the method, the still-encoded path and query,
 * every header with every value in arrival order, and the body bytes untouched.
 */
public final class ReceivedRequests {

    private ReceivedRequests() {
    }

    /** @param body the raw body, read before anything else could parse it */
    public static ReceivedRequest of(Context ctx, byte[] body) {
        HttpServletRequest request = ctx.req();
        // getHeaders(name) already answers case-insensitively, so a name seen twice in two spellings is read once.
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!headers.containsKey(name)) {
                headers.put(name, List.copyOf(Collections.list(request.getHeaders(name))));
            }
        }
        return new ReceivedRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers,
                body);
    }
}
