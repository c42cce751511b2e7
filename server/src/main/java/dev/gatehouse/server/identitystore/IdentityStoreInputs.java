package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.http.JsonRequestBody;
import java.util.List;
import java.util.Optional;

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

    /** An {@code ExternalId}: the issuer that gave the id, and the id. */
    record ExternalId(String issuer, String id) { }

    /** AlternateIdentifier, a union: exactly one of its members is set. */
    record Alternate(Filter uniqueAttribute, ExternalId externalId) { }

    /**
     * AlternateIdentifier: a UniqueAttribute (a path and a document value, here a string) or an ExternalId.
     */
    static Alternate alternateIdentifier(JsonRequestBody body) {
        JsonRequestBody alternate = body.optionalObject("AlternateIdentifier")
                .orElseThrow(() -> ModelString.invalid("AlternateIdentifier", "Member must not be null"));
        Optional<JsonRequestBody> external = alternate.optionalObject("ExternalId");
        Optional<JsonRequestBody> unique = alternate.optionalObject("UniqueAttribute");
        if (external.isPresent() == unique.isPresent()) {
            throw ModelString.invalid("AlternateIdentifier", "Member must have exactly one of ExternalId or "
                    + "UniqueAttribute");
        }
        if (external.isPresent()) {
            return new Alternate(null, new ExternalId(
                    ModelString.EXTERNAL_ID_PART.required(external.get(), "Issuer"),
                    ModelString.EXTERNAL_ID_PART.required(external.get(), "Id")));
        }
        String path = ModelString.ATTRIBUTE_PATH.required(unique.get(), "AttributePath");
        JsonNode value = unique.get().optionalDocument("AttributeValue");
        if (value == null || !value.isTextual()) {
            throw ModelString.invalid("AlternateIdentifier.UniqueAttribute.AttributeValue",
                    "Member must be a string");
        }
        return new Alternate(new Filter(path, ModelString.SENSITIVE.check("AttributeValue", value.textValue())),
                null);
    }
}
