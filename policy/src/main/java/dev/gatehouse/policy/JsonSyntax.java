package dev.gatehouse.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON of a policy document. Text that is not JSON is described the way the server's other JSON
 * errors are: line, column, the parser's reason, and the offending line as typed, so people find it without
 * counting lines. Duplicate keys are refused: IAM would not say which of two {@code Effect}s counts.
 */
final class JsonSyntax {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_QUOTED_LINE = 80;

    private JsonSyntax() {
    }

    /** The document's tree, or an {@link InvalidPolicyException} with one problem saying where the JSON breaks. */
    static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr()
                    + ", column " + location.getColumnNr();
            String reads = location == null ? "" : lineText(document, location.getLineNr());
            throw new InvalidPolicyException(java.util.List.of(new PolicyProblem(null,
                    "the policy is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()) + reads)));
        }
    }

    private static String lineText(String document, int lineNr) {
        String[] lines = document.split("\\R", -1);
        if (lineNr < 1 || lineNr > lines.length || lines[lineNr - 1].isBlank()) {
            return "";
        }
        String line = lines[lineNr - 1].strip();
        return " (line " + lineNr + " reads: " + (line.length() > MAX_QUOTED_LINE
                ? line.substring(0, MAX_QUOTED_LINE) + "…" : line) + ")";
    }

    /** Jackson's messages may run over several lines; a problem is shown as one. */
    private static String firstLine(String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }
}
