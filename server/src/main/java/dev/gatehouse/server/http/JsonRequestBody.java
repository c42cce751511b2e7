package dev.gatehouse.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.error.DomainException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON request body (sso-oidc's restJson1, the authorization API), read member by member as its model types
 * them. Anything that is not what the model says (malformed JSON, text after the object, a missing required member,
 * a number where a string belongs) is an InvalidRequest naming the member, answered without echoing the body, which
 * may hold a client secret or a session token.
 */
public final class JsonRequestBody {

    private final JsonNode root;
    /** How members are named in errors: empty at the top, {@code "request."} inside the member request. */
    private final String prefix;

    private JsonRequestBody(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    public static JsonRequestBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            // restJson1 clients send no body at all when every member is unset.
            return new JsonRequestBody(Json.MAPPER.createObjectNode(), "");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException | CharConversionException e) {
            // CharConversionException: the encoding detection found bytes in no encoding JSON may use
            // (found by fuzzing).
            throw DomainException.invalid("body", "The request body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a byte array does no I/O", e);
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("body", "The request body must be a JSON object");
        }
        return new JsonRequestBody(root, "");
    }

    public String requiredString(String member) {
        String value = optionalString(member);
        if (value == null || value.isEmpty()) {
            throw invalid(member, "is required");
        }
        return value;
    }

    public String optionalString(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(member, "must be a string");
        }
        return value.textValue();
    }

    /** Null when absent, so the service can tell "not sent" from "sent empty". */
    public List<String> optionalStringList(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(member, "must be a list of strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw invalid(member, "must be a list of strings");
            }
            strings.add(element.textValue());
        }
        return List.copyOf(strings);
    }

    /** False when absent. */
    public boolean optionalBoolean(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(member, "must be true or false");
        }
        return value.booleanValue();
    }

    /** Null when absent; a whole number otherwise. */
    public Integer optionalInteger(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw invalid(member, "must be a whole number");
        }
        return value.intValue();
    }

    /** Null when absent; each element an object read the same way, named {@code member[i].name} in errors. */
    public List<JsonRequestBody> optionalObjectList(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(member, "must be a list of objects");
        }
        List<JsonRequestBody> objects = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw invalid(member, "must be a list of objects");
            }
            objects.add(new JsonRequestBody(element, prefix + member + "[" + objects.size() + "]."));
        }
        return List.copyOf(objects);
    }

    /** A member of any JSON type (a Smithy document), or null when absent. */
    public JsonNode optionalDocument(String member) {
        JsonNode value = root.get(member);
        return value == null || value.isNull() ? null : value;
    }

    /** A member that is itself an object, read the same way; its members are named {@code member.name} in errors. */
    public Optional<JsonRequestBody> optionalObject(String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(member, "must be an object");
        }
        return Optional.of(new JsonRequestBody(value, prefix + member + "."));
    }

    /** The names of this object's members, in the order sent. */
    public List<String> memberNames() {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A member that may be sent as one string or as a list of strings (a header sent once or several times). */
    public List<String> stringOrStrings(String member) {
        JsonNode value = root.get(member);
        if (value != null && value.isTextual()) {
            return List.of(value.textValue());
        }
        if (value != null && value.isArray()) {
            return optionalStringList(member);
        }
        throw invalid(member, "must be a string or a list of strings");
    }

    private DomainException invalid(String member, String problem) {
        String name = prefix + member;
        return DomainException.invalid(name, name + " " + problem);
    }
}
