package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.abac.AccessControlAttributes;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes for access control (ABAC) through the same core service as the console. AWS names each source as a
 * path into the user ({@code ${path:title}}, {@code ${path:enterprise.department}}); Gatehouse maps a tag key to
 * one of the attributes it keeps, so a source is read as such a path and any other is a ValidationException.
 */
final class AccessControlAttributeOperations {

    private static final int MAX_ATTRIBUTES = 50;
    private static final String PATH = "${path:";
    private static final String ENTERPRISE = "enterprise.";
    /** The attributes of SCIM's enterprise extension; the others are the core user's. */
    private static final Set<String> ENTERPRISE_ATTRIBUTES = Set.of("department", "costCenter", "division",
            "organization", "employeeNumber");

    private final SsoScope scope;
    private final AccessControlAttributes attributes;

    AccessControlAttributeOperations(SsoScope scope, AccessControlAttributes attributes) {
        this.scope = scope;
        this.attributes = attributes;
    }

    /** A second configuration is a conflict, as in AWS: update the one there is. */
    Object create(JsonRequestBody input, Actor actor, RequestContext context) {
        scope.instanceArn(input);
        Map<String, String> mapping = mapping(input);
        if (!attributes.mapping().isEmpty()) {
            throw new DomainException(new DomainError.AlreadyExists("Access control attribute configuration",
                    scope.instance().instanceId(), "The instance already has an access control attribute "
                    + "configuration; update it instead"));
        }
        attributes.setMapping(mapping, actor, context);
        return Map.of();
    }

    Object describe(JsonRequestBody input) {
        scope.instanceArn(input);
        Map<String, String> mapping = configured();
        List<Map<String, Object>> list = mapping.entrySet().stream().map(entry -> Map.<String, Object>of(
                "Key", entry.getKey(), "Value", Map.of("Source", List.of(source(entry.getValue()))))).toList();
        return Map.of("Status", "ENABLED", "InstanceAccessControlAttributeConfiguration",
                Map.of("AccessControlAttributes", list));
    }

    Object update(JsonRequestBody input, Actor actor, RequestContext context) {
        scope.instanceArn(input);
        Map<String, String> mapping = mapping(input);
        configured();
        attributes.setMapping(mapping, actor, context);
        return Map.of();
    }

    /** An empty mapping turns ABAC off. */
    Object delete(JsonRequestBody input, Actor actor, RequestContext context) {
        scope.instanceArn(input);
        configured();
        attributes.setMapping(Map.of(), actor, context);
        return Map.of();
    }

    private Map<String, String> configured() {
        Map<String, String> mapping = attributes.mapping();
        if (mapping.isEmpty()) {
            throw new DomainException(new DomainError.NotFound("Access control attribute configuration",
                    scope.instance().instanceId(), "The instance has no access control attribute configuration"));
        }
        return mapping;
    }

    /** Tag key → Gatehouse attribute name, each source read as a path; the core service checks the names. */
    private static Map<String, String> mapping(JsonRequestBody input) {
        JsonRequestBody configuration = input.optionalObject("InstanceAccessControlAttributeConfiguration")
                .orElseThrow(() -> SsoString.invalid("InstanceAccessControlAttributeConfiguration",
                        "Member must not be null"));
        List<JsonRequestBody> list = configuration.optionalObjectList("AccessControlAttributes");
        if (list == null || list.size() > MAX_ATTRIBUTES) {
            throw SsoString.invalid("InstanceAccessControlAttributeConfiguration.AccessControlAttributes",
                    "Member must have length less than or equal to " + MAX_ATTRIBUTES);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (JsonRequestBody attribute : list) {
            String key = SsoString.ATTRIBUTE_KEY.required(attribute, "Key");
            List<String> sources = attribute.optionalObject("Value")
                    .orElseThrow(() -> SsoString.invalid("Value", "Member must not be null"))
                    .optionalStringList("Source");
            if (sources == null || sources.size() != 1) {
                throw SsoString.invalid("Value.Source", "Member must have length between 1 and 1");
            }
            mapping.put(key, attributeName(SsoString.ATTRIBUTE_SOURCE.check("Value.Source", sources.getFirst())));
        }
        return mapping;
    }

    private static String attributeName(String source) {
        String path = source.startsWith(PATH) && source.endsWith("}")
                ? source.substring(PATH.length(), source.length() - 1) : source;
        return path.startsWith(ENTERPRISE) ? path.substring(ENTERPRISE.length()) : path;
    }

    private static String source(String attribute) {
        return PATH + (ENTERPRISE_ATTRIBUTES.contains(attribute) ? ENTERPRISE : "") + attribute + "}";
    }
}
