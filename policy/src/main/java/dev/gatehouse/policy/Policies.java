package dev.gatehouse.policy;

/** Reads policy documents, refusing any the evaluator could not evaluate exactly as AWS does. */
public final class Policies {

    /** The longest inline policy AWS IAM Identity Center accepts, in characters. */
    public static final int MAX_INLINE_POLICY_CHARS = 10_240;

    private Policies() {
    }

    /**
     * Parses and validates {@code json}.
     *
     * @param name how the policy is named in explanations ({@code inline}, a managed policy's name, ...)
     * @throws InvalidPolicyException naming each problem and the statement it is in
     */
    public static Policy parse(String name, String json) {
        throw new UnsupportedOperationException("policy engine: to be built");
    }
}
