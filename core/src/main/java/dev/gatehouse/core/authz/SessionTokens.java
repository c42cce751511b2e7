package dev.gatehouse.core.authz;

import dev.gatehouse.sigv4.ReceivedRequest;
import java.util.List;
import java.util.Map;

/**
 * Whether a SigV4 request carries a session token ({@code X-Amz-Security-Token}, as a header or, presigned, in the
 * query): only temporary credentials have one. It routes the request to the right kind of credential; the
 * signature check that follows is what decides.
 */
final class SessionTokens {

    private static final String NAME = "X-Amz-Security-Token";

    private SessionTokens() {
    }

    static boolean carried(ReceivedRequest request) {
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (NAME.equalsIgnoreCase(header.getKey())
                    && header.getValue().stream().anyMatch(value -> value != null && !value.isEmpty())) {
                return true;
            }
        }
        String query = request.rawQuery();
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith(NAME + "=") && parameter.length() > NAME.length() + 1) {
                return true;
            }
        }
        return false;
    }
}
