package dev.gatehouse.policy;

/** Reads policy documents, refusing any the evaluator could not evaluate exactly as AWS does. */
public final class Policies {

    /** The longest inline policy AWS IAM Identity Center accepts, in characters. */
    public static final int MAX_INLINE_POLICY_CHARS = 10_240;

    /** The name under which inline policies are explained, and which holds a document to the inline size limit. */
    public static final String INLINE = "inline";

    private Policies() {
    }

    /**
     * Parses and validates {@code json}. A policy named {@value #INLINE} is held to
     * {@link #MAX_INLINE_POLICY_CHARS}, as {@link #parseInline} does.
     *
     * @param name how the policy is named in explanations ({@code inline}, a managed policy's name, ...)
     * @throws InvalidPolicyException naming each problem and the statement it is in
     */
    public static Policy parse(String name, String json) {
        return PolicyParser.parse(name, json, INLINE.equals(name) ? MAX_INLINE_POLICY_CHARS : Integer.MAX_VALUE);
    }

    /** Parses a permission set's inline policy: named {@value #INLINE}, at most 10,240 characters. */
    public static Policy parseInline(String json) {
        return parse(INLINE, json);
    }
}
