package dev.gatehouse.policy;

import java.util.List;

/**
 * One operator on one key, with AWS's rules for absent and multi-valued keys (IAM JSON policy elements:
 * Condition operators; Condition, "Set operators"):
 * <ul>
 * <li>An absent key (or one with no values) makes a positive operator false and a negated one true;
 *     {@code …IfExists} makes any operator true; {@code ForAllValues:} is true and {@code ForAnyValue:} false.</li>
 * <li>Each request value matches if it equals/is like any policy value (OR); a negated operator matches a value
 *     that matches none of them (NOR).</li>
 * <li>{@code ForAllValues:} needs every request value to match, {@code ForAnyValue:} at least one; without a
 *     qualifier a positive operator needs one value to match and a negated operator needs none to match the
 *     positive form.</li>
 * </ul>
 */
record KeyCondition(String key, ConditionOperator operator, SetQualifier qualifier, boolean ifExists,
        ValueMatcher values) implements ConditionClause {

    KeyCondition {
        key = ContextKeys.lowerCase(key);
    }

    @Override
    public boolean holds(ContextKeys context) {
        List<String> actual = context.valuesOrNull(key);
        if (actual == null || actual.isEmpty()) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        boolean negated = operator.negated();
        return switch (qualifier) {
            case FOR_ALL_VALUES -> {
                for (int i = 0; i < actual.size(); i++) {
                    if (values.matchesAny(actual.get(i), context) == negated) {
                        yield false;
                    }
                }
                yield true;
            }
            case FOR_ANY_VALUE -> {
                for (int i = 0; i < actual.size(); i++) {
                    if (values.matchesAny(actual.get(i), context) != negated) {
                        yield true;
                    }
                }
                yield false;
            }
            case NONE -> {
                for (int i = 0; i < actual.size(); i++) {
                    if (values.matchesAny(actual.get(i), context)) {
                        yield !negated;
                    }
                }
                yield negated;
            }
        };
    }

    @Override
    public String toString() {
        return qualifier.prefix() + operator.operatorName() + (ifExists ? "IfExists" : "") + " " + key;
    }
}
