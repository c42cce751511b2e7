package dev.gatehouse.policy;

/**
 * A policy pattern ({@code *}, {@code ?}) that may contain variables: compiled once when it has none, else per
 * request after the variables are replaced.
 */
final class WildcardText {

    private final PolicyString text;
    private final boolean ignoreCase;
    private final Glob constant;

    WildcardText(PolicyString text, boolean ignoreCase) {
        this.text = text;
        this.ignoreCase = ignoreCase;
        this.constant = text.hasVariables() ? null : new Glob(text.patternCodes(null), ignoreCase);
    }

    /** The pattern for this request, or {@code null} when a variable in it has no value (it then matches nothing). */
    Glob glob(ContextKeys context) {
        if (constant != null) {
            return constant;
        }
        int[] codes = text.patternCodes(context);
        return codes == null ? null : new Glob(codes, ignoreCase);
    }

    @Override
    public String toString() {
        return text.raw();
    }
}
