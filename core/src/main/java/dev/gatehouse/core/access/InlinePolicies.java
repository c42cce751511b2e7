package dev.gatehouse.core.access;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.policy.InvalidPolicyException;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.policy.Policy;

/**
 * Checks an inline policy with the policy engine before it is stored, so a permission set never holds a policy
 * the evaluator would refuse. The engine's message (each problem with its statement; a JSON syntax error with
 * its line, quoted; the size limit) becomes one refusal on the field {@code inlinePolicy}, the same through
 * every door: the console, the admin command, an API.
 */
public final class InlinePolicies {

    public static final String FIELD = "inlinePolicy";

    private InlinePolicies() {
    }

    /** The document as it will be stored (trimmed), or null for none; throws InvalidInput naming the problems. */
    public static String valid(String document) {
        if (document == null || document.isBlank()) {
            return null;
        }
        parse(FIELD, document);
        return document.strip();
    }

    /** Parses an inline policy typed by a person into the input {@code field}. */
    public static Policy parse(String field, String document) {
        try {
            return Policies.parseInline(document);
        } catch (InvalidPolicyException e) {
            throw DomainException.invalid(field, field + " is not a valid policy: " + e.getMessage());
        }
    }
}
