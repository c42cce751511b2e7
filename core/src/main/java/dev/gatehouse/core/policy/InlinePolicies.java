package dev.gatehouse.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.policy.InvalidPolicyException;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.policy.Policy;
import java.util.Optional;

/**
 * Checks an inline policy with the policy engine before it is stored, so a permission set never holds a policy
 * the evaluator would refuse. The refusal is one message for every door (sso-admin, console, admin CLI), on
 * the field {@code inlinePolicy}.
 */
public final class InlinePolicies {

    public static final String FIELD = "inlinePolicy";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED_LINE = 80;

    private InlinePolicies() {
    }

    /** The document as it will be stored (trimmed), or null for none; throws InvalidInput naming the problems. */
    public static String valid(String document) {
        if (document == null || document.isBlank()) {
            return null;
        }
        parse(FIELD, "inline", document);
        return document.strip();
    }

    /**
     * Parses a policy typed by a person; {@code field} is the input it came from, {@code name} how decisions
     * name it.
     */
    public static Policy parse(String field, String name, String document) {
        if (document.length() > Policies.MAX_INLINE_POLICY_CHARS) {
            throw DomainException.invalid(field, field + " must be at most "
                    + String.format("%,d", Policies.MAX_INLINE_POLICY_CHARS) + " characters, not "
                    + String.format("%,d", document.length()));
        }
        try {
            return Policies.parse(name, document);
        } catch (InvalidPolicyException e) {
            throw DomainException.invalid(field, syntaxError(field, document)
                    .orElse(field + " is not a valid policy: " + e.getMessage()));
        }
    }

    /**
     * A JSON syntax error is named by line and column with the line quoted, so people find it without counting
     * lines; whatever the engine says about it, this says more.
     */
    private static Optional<String> syntaxError(String field, String document) {
        try {
            JSON.readTree(document);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr()
                    + ", column " + location.getColumnNr();
            String reads = location == null ? "" : lineText(document, location.getLineNr());
            return Optional.of(field + " is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()) + reads);
        }
    }

    /** The offending line as the person typed it; shortened if long. */
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
