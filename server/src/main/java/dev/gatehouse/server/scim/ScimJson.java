package dev.gatehouse.server.scim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.error.Inputs;
import dev.gatehouse.core.scim.ScimFields;
import dev.gatehouse.core.scim.ScimGroup;
import dev.gatehouse.core.scim.ScimPage;
import dev.gatehouse.core.scim.ScimPatch;
import dev.gatehouse.core.scim.ScimUser;
import dev.gatehouse.server.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** SCIM's JSON: request bodies read into plain values for core, resources and lists written as RFC 7643 shows them. */
final class ScimJson {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimJson() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode root = body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw DomainException.invalid(ScimFields.SYNTAX, "The request body must be a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw DomainException.invalid(ScimFields.SYNTAX, "The request body is not valid JSON");
        } catch (IOException e) {
            throw DomainException.invalid(ScimFields.SYNTAX, "The request body is not valid JSON");
        }
    }

    static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : Json.MAPPER.convertValue(node, Object.class);
    }

    static List<ScimPatch.Operation> operations(JsonNode body) {
        JsonNode operations = body.has("Operations") ? body.get("Operations") : body.get("operations");
        if (operations == null || !operations.isArray()) {
            throw DomainException.invalid(ScimFields.SYNTAX, "Operations must be a list");
        }
        if (operations.size() > ScimPatch.MAX_OPERATIONS) {
            throw DomainException.invalid(ScimFields.SYNTAX, "Operations may hold at most "
                    + ScimPatch.MAX_OPERATIONS + " operations");
        }
        List<ScimPatch.Operation> result = new ArrayList<>();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw DomainException.invalid(ScimFields.SYNTAX, "Each operation must be an object");
            }
            result.add(new ScimPatch.Operation(text(operation, "op", 16), text(operation, "path", 1024),
                    plain(operation.get("value"))));
        }
        return result;
    }

    static String text(JsonNode object, String member, int maxLength) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DomainException.invalid(ScimFields.SYNTAX, member + " must be a string");
        }
        return Inputs.atMost(member, value.textValue(), maxLength);
    }

    /** The member ids (users or groups) of a group body: {@code members: [{"value": id}, …]}, absent is none. */
    static List<String> memberIds(JsonNode body) {
        JsonNode members = body.get("members");
        List<String> ids = new ArrayList<>();
        if (members == null || members.isNull()) {
            return ids;
        }
        if (!members.isArray()) {
            throw DomainException.invalid(ScimFields.SYNTAX, "members must be a list");
        }
        for (JsonNode member : members) {
            String id = member.isObject() ? text(member, "value", 256) : null;
            if (id == null || id.isBlank()) {
                throw DomainException.invalid(ScimFields.SYNTAX, "Each member needs a value, the id of a user or group");
            }
            ids.add(id);
        }
        return ids;
    }

    static ObjectNode user(ScimUser user, String base) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("schemas").add(USER_SCHEMA);
        node.put("id", user.id());
        if (user.externalId() != null) {
            node.put("externalId", user.externalId());
        }
        node.put("userName", user.userName());
        ObjectNode name = node.putObject("name");
        name.put("givenName", user.givenName());
        name.put("familyName", user.familyName());
        name.put("formatted", user.givenName() + " " + user.familyName());
        node.put("displayName", user.displayName());
        if (user.email() != null) {
            node.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
        }
        node.put("active", user.active());
        if (!user.groups().isEmpty()) {
            ArrayNode groups = node.putArray("groups");
            for (ScimUser.GroupRef group : user.groups()) {
                groups.addObject().put("value", group.value()).put("$ref", base + "/Groups/" + group.value())
                        .put("display", group.display()).put("type", group.direct() ? "direct" : "indirect");
            }
        }
        if (!user.enterprise().isEmpty()) {
            ((ArrayNode) node.get("schemas")).add(ENTERPRISE_SCHEMA);
            ObjectNode enterprise = node.putObject(ENTERPRISE_SCHEMA);
            for (String attribute : ScimUser.ENTERPRISE) {
                if (user.enterprise().containsKey(attribute)) {
                    enterprise.put(attribute, user.enterprise().get(attribute));
                }
            }
        }
        meta(node, "User", base + "/Users/" + user.id(), user.created().toString(),
                user.lastModified().toString(), user.version());
        return node;
    }

    static ObjectNode group(ScimGroup group, String base, boolean withMembers) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("schemas").add(GROUP_SCHEMA);
        node.put("id", group.id());
        if (group.externalId() != null) {
            node.put("externalId", group.externalId());
        }
        node.put("displayName", group.displayName());
        if (withMembers) {
            ArrayNode members = node.putArray("members");
            for (ScimGroup.Member member : group.members()) {
                members.addObject().put("value", member.value()).put("display", member.display())
                        .put("$ref", base + (member.type() == ScimGroup.Type.User ? "/Users/" : "/Groups/")
                                + member.value())
                        .put("type", member.type().name());
            }
        }
        meta(node, "Group", base + "/Groups/" + group.id(), group.created().toString(), group.created().toString(),
                group.version());
        return node;
    }

    private static void meta(ObjectNode node, String type, String location, String created, String modified,
                             String version) {
        node.putObject("meta").put("resourceType", type).put("created", created).put("lastModified", modified)
                .put("location", location).put("version", version);
    }

    static <T> ObjectNode list(ScimPage<T> page, Function<T, ObjectNode> render) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("schemas").add(LIST_SCHEMA);
        node.put("totalResults", page.totalResults());
        node.put("startIndex", page.startIndex());
        node.put("itemsPerPage", page.resources().size());
        ArrayNode resources = node.putArray("Resources");
        page.resources().forEach(r -> resources.add(render.apply(r)));
        return node;
    }
}
