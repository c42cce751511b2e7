package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.List;

/** The input members several operations share, read and checked against the model's constraints. */
final class IdentityStoreInputs {

    /** The model's MaxResults bounds; a list without it gets a full page. */
    static final int MAX_RESULTS = 100;

    private IdentityStoreInputs() {
    }

    static int maxResults(JsonRequestBody body) {
        Integer value = body.optionalInteger("MaxResults");
        if (value == null) {
            return MAX_RESULTS;
        }
        if (value < 1 || value > MAX_RESULTS) {
            throw ModelString.invalid("MaxResults", "Member must have value between 1 and " + MAX_RESULTS);
        }
        return value;
    }

    static String nextToken(JsonRequestBody body) {
        return ModelString.NEXT_TOKEN.optional(body, "NextToken");
    }

    /** MemberId, a union whose one member is UserId. */
    static String memberUserId(JsonRequestBody body) {
        JsonRequestBody member = body.optionalObject("MemberId")
                .orElseThrow(() -> ModelString.invalid("MemberId", "Member must not be null"));
        return ModelString.RESOURCE_ID.required(member, "UserId");
    }

    /**
     * The one Filter of the deprecated {@code Filters} on ListUsers and ListGroups (Terraform still sends it), or
     * null when none.
     */
    static Filter filter(JsonRequestBody body) {
        List<JsonRequestBody> filters = body.optionalObjectList("Filters");
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        if (filters.size() > 1) {
            throw ModelString.invalid("Filters", "Member must have length less than or equal to 1");
        }
        JsonRequestBody filter = filters.getFirst();
        return new Filter(ModelString.ATTRIBUTE_PATH.required(filter, "AttributePath"),
                ModelString.SENSITIVE.required(filter, "AttributeValue"));
    }

    record Filter(String attributePath, String attributeValue) { }

    /**
     * AlternateIdentifier's UniqueAttribute (a path and a document value, here a string); an ExternalId is not
     * kept apart from SCIM yet, so it is refused by name.
     */
    static Filter uniqueAttribute(JsonRequestBody body) {
        JsonRequestBody alternate = body.optionalObject("AlternateIdentifier")
                .orElseThrow(() -> ModelString.invalid("AlternateIdentifier", "Member must not be null"));
        if (alternate.optionalObject("ExternalId").isPresent()) {
            throw ModelString.invalid("AlternateIdentifier.ExternalId",
                    "Gatehouse does not look users or groups up by external id yet; use UniqueAttribute");
        }
        JsonRequestBody unique = alternate.optionalObject("UniqueAttribute")
                .orElseThrow(() -> ModelString.invalid("AlternateIdentifier",
                        "Member must have ExternalId or UniqueAttribute"));
        String path = ModelString.ATTRIBUTE_PATH.required(unique, "AttributePath");
        JsonNode value = unique.optionalDocument("AttributeValue");
        if (value == null || !value.isTextual()) {
            throw ModelString.invalid("AlternateIdentifier.UniqueAttribute.AttributeValue",
                    "Member must be a string");
        }
        return new Filter(path, ModelString.SENSITIVE.check("AttributeValue", value.textValue()));
    }
}
