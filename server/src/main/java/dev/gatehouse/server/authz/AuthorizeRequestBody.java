package dev.gatehouse.server.authz;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.authz.AuthorizationQuery;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.sigv4.ReceivedRequest;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the body of {@code POST /authz/v1/authorize} (docs/authorization.md). Anything not shaped as documented
 * is an InvalidRequest naming the member; the body is never echoed, as it carries a signature and a session token.
 */
final class AuthorizeRequestBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizeRequestBody() {
    }

    static AuthorizationQuery parse(byte[] body) {
        JsonNode root = object(body);
        JsonNode request = root.get("request");
        if (request == null || !request.isObject()) {
            throw DomainException.invalid("request", "request is required: the signed request as your service "
                    + "received it (method, path, query, headers, body)");
        }
        return new AuthorizationQuery(receivedRequest(request), string(root, "signingName", true),
                string(root, "action", true), string(root, "resource", true), string(root, "sourceIp", false),
                bool(root, "secureTransport"), stringLists(root, "context", "context"));
    }

    private static ReceivedRequest receivedRequest(JsonNode request) {
        String body = string(request, "body", false);
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("request.body", "request.body must be base64");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(stringLists(request, "headers", "request.headers"));
        return new ReceivedRequest(string(request, "method", true), string(request, "path", true),
                string(request, "query", false), headers, bytes);
    }

    private static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException | CharConversionException e) {
            throw DomainException.invalid("body", "The request body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a byte array does no I/O", e);
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("body", "The request body must be a JSON object");
        }
        return root;
    }

    private static String string(JsonNode parent, String member, boolean required) {
        JsonNode value = parent.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw DomainException.invalid(member, member + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw DomainException.invalid(member, member + " must be a string");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode parent, String member) {
        JsonNode value = parent.get(member);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw DomainException.invalid(member, member + " must be true or false");
        }
        return value.booleanValue();
    }

    /** An object whose values are a string or a list of strings (a header or key sent several times). */
    private static Map<String, List<String>> stringLists(JsonNode parent, String member, String field) {
        JsonNode value = parent.get(member);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw DomainException.invalid(field, field + " must be an object of strings or lists of strings");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), strings(entry.getValue(), field));
        }
        return map;
    }

    private static List<String> strings(JsonNode value, String field) {
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (value.isArray()) {
            List<String> strings = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw DomainException.invalid(field, field + " must be an object of strings or lists of strings");
                }
                strings.add(element.textValue());
            }
            return strings;
        }
        throw DomainException.invalid(field, field + " must be an object of strings or lists of strings");
    }
}
