package dev.gatehouse.authz.client;

import java.util.List;
import java.util.Map;

/**
 * What your service knows about a request beyond its bytes, for policy conditions.
 *
 * @param sourceIp        the client's address as your service saw it ({@code aws:SourceIp}); null if unknown
 * @param secureTransport whether it arrived over TLS ({@code aws:SecureTransport})
 * @param context         your service's own condition keys, e.g. {@code orders:Channel} (never {@code aws:…})
 */
public record RequestFacts(String sourceIp, boolean secureTransport, Map<String, List<String>> context) {

    public static final RequestFacts NONE = new RequestFacts(null, false, Map.of());

    public RequestFacts {
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
