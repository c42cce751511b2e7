package dev.gatehouse.core.authz;

import dev.gatehouse.sigv4.ReceivedRequest;
import java.util.List;
import java.util.Map;

/**
 * What a protected service asks: may whoever signed {@code request} do {@code action} on {@code resource}?
 *
 * @param request         the signed request exactly as the service received it
 * @param signingName     the SigV4 service name the service expects in the credential scope (e.g. {@code orders})
 * @param action          what the service derived from the request, e.g. {@code orders:GetOrder}
 * @param resource        an ARN, or {@code *}
 * @param sourceIp        the address the request came from as the service saw it ({@code aws:SourceIp}), or null
 * @param secureTransport whether it arrived over TLS ({@code aws:SecureTransport})
 * @param context         the service's own condition keys (never {@code aws:…}: those Gatehouse sets)
 */
public record AuthorizationQuery(ReceivedRequest request, String signingName, String action, String resource,
                                 String sourceIp, boolean secureTransport, Map<String, List<String>> context) {

    public AuthorizationQuery {
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
