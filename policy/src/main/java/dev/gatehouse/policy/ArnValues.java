package dev.gatehouse.policy;

import java.util.List;

/**
 * {@code ArnEquals}/{@code ArnLike} (and negations): the same segment-wise, case-sensitive match as
 * {@code Resource}, wildcards allowed in each segment; policy variables are substituted (IAM JSON policy
 * elements: Condition operators, "Amazon Resource Name (ARN) condition operators").
 */
final class ArnValues implements ValueMatcher {

    private final ArnPattern[] patterns;

    ArnValues(List<ArnPattern> patterns) {
        this.patterns = patterns.toArray(ArnPattern[]::new);
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        for (ArnPattern pattern : patterns) {
            if (pattern.matches(requestValue, context)) {
                return true;
            }
        }
        return false;
    }
}
