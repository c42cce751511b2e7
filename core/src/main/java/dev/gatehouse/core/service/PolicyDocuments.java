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
    private static final int MAX_QUOTED_LINE = 80;

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
            String where = location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr()
                    + ", column " + location.getColumnNr();
            String reads = location == null ? "" : lineText(document, location.getLineNr());
            throw DomainException.invalid("inlinePolicy", "inlinePolicy is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()) + reads);
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalid("inlinePolicy", "inlinePolicy must be a JSON object");
        }
        if (!node.has("Statement")) {
            throw DomainException.invalid("inlinePolicy", "inlinePolicy must have a Statement");
        }
        return document.strip();
    }

    /** The offending line as the person typed it, so they find it without counting lines; shortened if long. */
    private static String lineText(String document, int lineNr) {
        String[] lines = document.split("\\R", -1);
        if (lineNr < 1 || lineNr > lines.length || lines[lineNr - 1].isBlank()) {
            return "";
        }
        String line = lines[lineNr - 1].strip();
        return " (line " + lineNr + " reads: " + (line.length() > MAX_QUOTED_LINE
                ? line.substring(0, MAX_QUOTED_LINE) + "…" : line) + ")";
    }

    /** Jackson's messages may run over several lines; an error is shown as one. */
    private static String firstLine(String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }
}
