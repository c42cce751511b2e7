package dev.gatehouse.server.authz;

import dev.gatehouse.core.authz.AuthorizationQuery;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.JsonRequestBody;
import dev.gatehouse.sigv4.ReceivedRequest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the body of {@code POST /authz/v1/authorize} (docs/authorization.md). Anything not shaped as documented
 * is an InvalidRequest naming the member; the body is never echoed, as it carries a signature and a session token.
 */
final class AuthorizeRequestBody {

    private AuthorizeRequestBody() {
    }

    static AuthorizationQuery parse(byte[] body) {
        JsonRequestBody root = JsonRequestBody.parse(body);
        JsonRequestBody request = root.optionalObject("request").orElseThrow(() -> DomainException.invalid("request",
                "request is required: the signed request as your service received it (method, path, query, "
                        + "headers, body)"));
        return new AuthorizationQuery(receivedRequest(request), root.requiredString("signingName"),
                root.requiredString("action"), root.requiredString("resource"), root.optionalString("sourceIp"),
                root.optionalBoolean("secureTransport"), stringLists(root, "context"));
    }

    private static ReceivedRequest receivedRequest(JsonRequestBody request) {
        String body = request.optionalString("body");
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("request.body", "request.body must be base64");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(stringLists(request, "headers"));
        return new ReceivedRequest(request.requiredString("method"), request.requiredString("path"),
                request.optionalString("query"), headers, bytes);
    }

    /** An object whose values are a string or a list of strings (a header or key sent several times). */
    private static Map<String, List<String>> stringLists(JsonRequestBody parent, String member) {
        Optional<JsonRequestBody> object = parent.optionalObject(member);
        Map<String, List<String>> map = new LinkedHashMap<>();
        object.ifPresent(values -> values.memberNames().forEach(name -> map.put(name, values.stringOrStrings(name))));
        return map;
    }
}
