package dev.gatehouse.policy;

import java.util.List;

/** {@code Bool}: {@code true} or {@code false}, any case; policy variables are substituted. */
final class BoolValues implements ValueMatcher {

    private final PolicyString[] values;

    BoolValues(List<PolicyString> values) {
        for (PolicyString value : values) {
            if (!value.hasVariables() && !value.raw().equalsIgnoreCase("true") && !value.raw().equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("value " + value.raw() + " is not true or false");
            }
        }
        this.values = values.toArray(PolicyString[]::new);
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        for (PolicyString value : values) {
            String expected = value.resolve(context);
            if (expected != null && expected.equalsIgnoreCase(requestValue)) {
                return true;
            }
        }
        return false;
    }
}
