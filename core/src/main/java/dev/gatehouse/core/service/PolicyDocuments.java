package dev.gatehouse.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainException;

/**
 * Inline policies are stored as JSON and checked to be a JSON object now; the policy engine
 * (a later issue) will evaluate them.
 */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INLINE_POLICY_CHARS = 10_240;

    private PolicyDocuments() {
    }

    static String validInlinePolicy(String document) {
        if (document == null || document.isBlank()) {
            return null;
        }
        if (document.length() > MAX_INLINE_POLICY_CHARS) {
            throw DomainException.invalid("inlinePolicy",
                    "inlinePolicy must be at most " + MAX_INLINE_POLICY_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw DomainException.invalid("inlinePolicy", "inlinePolicy is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalid("inlinePolicy", "inlinePolicy must be a JSON object");
        }
        if (!node.has("Statement")) {
            throw DomainException.invalid("inlinePolicy", "inlinePolicy must have a Statement");
        }
        return document.strip();
    }
}
