package dev.gatehouse.server.oidc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A restJson1 request body, read member by member as the model types them. Anything that is not what the
 * model says (malformed JSON, a missing required member, a number where a string belongs) is an
 * InvalidRequest, answered without echoing the body, which may hold a client secret.
 */
final class JsonRequestBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private JsonRequestBody(JsonNode root) {
        this.root = root;
    }

    static JsonRequestBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            // restJson1 clients send no body at all when every member is unset.
            return new JsonRequestBody(JSON.createObjectNode());
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException | CharConversionException e) {
            // CharConversionException: the encoding detection found bytes in no encoding JSON may use (found by fuzzing).
            throw DomainException.invalid("body", "The request body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a byte array does no I/O", e);
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("body", "The request body must be a JSON object");
        }
        return new JsonRequestBody(root);
    }

    String requiredString(String member) {
        String value = optionalString(member);
        if (value == null || value.isEmpty()) {
            throw DomainException.invalid(member, member + " is required");
        }
        return value;
    }

    String optionalString(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DomainException.invalid(member, member + " must be a string");
        }
        return value.textValue();
    }

    /** Null when absent, so the service can tell "not sent" from "sent empty". */
    List<String> optionalStringList(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw DomainException.invalid(member, member + " must be a list of strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw DomainException.invalid(member, member + " must be a list of strings");
            }
            strings.add(element.textValue());
        }
        return List.copyOf(strings);
    }
}
