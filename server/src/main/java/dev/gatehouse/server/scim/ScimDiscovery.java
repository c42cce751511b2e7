package dev.gatehouse.server.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.scim.ScimPage;
import dev.gatehouse.core.scim.ScimPatch;
import dev.gatehouse.core.scim.ScimUser;
import dev.gatehouse.server.http.BodyLimit;
import dev.gatehouse.server.http.Json;

/** What a client reads to learn what this server supports (RFC 7644 §4): what is and is not there, and the limits. */
final class ScimDiscovery {

    private ScimDiscovery() {
    }

    static ObjectNode serviceProviderConfig(String base) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        node.put("documentationUri", "https://github.com/gatehouse/gatehouse/blob/main/docs/scim.md");
        node.putObject("patch").put("supported", true);
        node.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        node.putObject("filter").put("supported", true).put("maxResults", ScimPage.MAX_COUNT);
        node.putObject("changePassword").put("supported", false);
        node.putObject("sort").put("supported", false);
        node.putObject("etag").put("supported", true);
        node.put("maxPayloadSize", BodyLimit.BYTES);
        node.put("maxOperations", ScimPatch.MAX_OPERATIONS);
        node.put("maxMembersPerRequest", ScimPatch.MAX_MEMBERS);
        node.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "A token made by 'gatehouse-server admin scim tokens create'")
                .put("primary", true);
        node.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", base + "/ServiceProviderConfig");
        return node;
    }

    static ObjectNode resourceTypes(String base) {
        ObjectNode list = listOf(2);
        ArrayNode resources = list.putArray("Resources");
        resources.add(resourceType(base, "User", "/Users", ScimJson.USER_SCHEMA).set("schemaExtensions",
                Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                        .put("schema", ScimJson.ENTERPRISE_SCHEMA).put("required", false))));
        resources.add(resourceType(base, "Group", "/Groups", ScimJson.GROUP_SCHEMA));
        return list;
    }

    private static ObjectNode resourceType(String base, String name, String endpoint, String schema) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        node.put("id", name).put("name", name).put("endpoint", endpoint).put("schema", schema);
        node.putObject("meta").put("resourceType", "ResourceType").put("location", base + "/ResourceTypes/" + name);
        return node;
    }

    static ObjectNode schemas() {
        ObjectNode list = listOf(3);
        ArrayNode resources = list.putArray("Resources");
        ObjectNode user = schema(ScimJson.USER_SCHEMA, "User");
        ArrayNode userAttributes = user.putArray("attributes");
        attribute(userAttributes, "userName", "string", true, "server");
        ObjectNode name = attribute(userAttributes, "name", "complex", true, "none");
        ArrayNode sub = name.putArray("subAttributes");
        attribute(sub, "givenName", "string", true, "none");
        attribute(sub, "familyName", "string", true, "none");
        attribute(userAttributes, "displayName", "string", false, "none");
        attribute(userAttributes, "emails", "complex", true, "none").put("multiValued", true);
        attribute(userAttributes, "active", "boolean", false, "none");
        attribute(userAttributes, "externalId", "string", false, "none").put("caseExact", true);
        resources.add(user);
        ObjectNode group = schema(ScimJson.GROUP_SCHEMA, "Group");
        ArrayNode groupAttributes = group.putArray("attributes");
        attribute(groupAttributes, "displayName", "string", true, "server").put("mutability", "immutable");
        attribute(groupAttributes, "members", "complex", false, "none").put("multiValued", true)
                .putArray("referenceTypes").add("User").add("Group");
        attribute(groupAttributes, "externalId", "string", false, "none").put("caseExact", true);
        resources.add(group);
        ObjectNode enterprise = schema(ScimJson.ENTERPRISE_SCHEMA, "EnterpriseUser");
        ArrayNode enterpriseAttributes = enterprise.putArray("attributes");
        ScimUser.ENTERPRISE.forEach(attribute -> attribute(enterpriseAttributes, attribute, "string", false, "none"));
        resources.add(enterprise);
        return list;
    }

    private static ObjectNode schema(String id, String name) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", id).put("name", name);
        node.putObject("meta").put("resourceType", "Schema");
        return node;
    }

    private static ObjectNode attribute(ArrayNode into, String name, String type, boolean required,
                                        String uniqueness) {
        return into.addObject().put("name", name).put("type", type).put("multiValued", false)
                .put("required", required).put("caseExact", false).put("mutability", "readWrite")
                .put("returned", "default").put("uniqueness", uniqueness);
    }

    private static ObjectNode listOf(int total) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        node.put("totalResults", total).put("startIndex", 1).put("itemsPerPage", total);
        return node;
    }
}
