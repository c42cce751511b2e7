package dev.gatehouse.policy;

/**
 * {@code Null}: {@code true} holds when the key is absent (or has no values), {@code false} when it is present
 * (IAM JSON policy elements: Condition operators, "Condition operator to check existence of condition keys").
 * Both values listed means either: the values are ORed like any other.
 */
record NullCondition(String key, boolean whenAbsent, boolean whenPresent) implements ConditionClause {

    NullCondition {
        key = ContextKeys.lowerCase(key);
    }

    @Override
    public boolean holds(ContextKeys context) {
        var actual = context.valuesOrNull(key);
        return actual == null || actual.isEmpty() ? whenAbsent : whenPresent;
    }

    @Override
    public String toString() {
        return "Null " + key;
    }
}
