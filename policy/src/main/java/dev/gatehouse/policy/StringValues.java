package dev.gatehouse.policy;

import java.util.List;

/**
 * {@code StringEquals}, {@code StringEqualsIgnoreCase} and {@code StringLike} (and their negations): exact,
 * case-insensitive, or with {@code *}/{@code ?} wildcards; policy variables are substituted (IAM JSON policy
 * elements: Condition operators, "String condition operators").
 */
final class StringValues implements ValueMatcher {

    enum Kind { EQUALS, EQUALS_IGNORE_CASE, LIKE }

    private final Kind kind;
    private final PolicyString[] values;
    private final WildcardText[] patterns;

    StringValues(Kind kind, List<PolicyString> values) {
        this.kind = kind;
        this.values = values.toArray(PolicyString[]::new);
        this.patterns = kind == Kind.LIKE
                ? values.stream().map(value -> new WildcardText(value, false)).toArray(WildcardText[]::new)
                : null;
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        if (kind == Kind.LIKE) {
            for (WildcardText pattern : patterns) {
                Glob glob = pattern.glob(context);
                if (glob != null && glob.matches(requestValue)) {
                    return true;
                }
            }
            return false;
        }
        for (PolicyString value : values) {
            String expected = value.resolve(context);
            if (expected != null && (kind == Kind.EQUALS
                    ? expected.equals(requestValue) : expected.equalsIgnoreCase(requestValue))) {
                return true;
            }
        }
        return false;
    }
}
