package dev.gatehouse.policy;

/**
 * The values of one condition key under one operator, compiled: whether a request value matches any of them
 * (several values in a condition are ORed — IAM JSON policy elements: Condition, "Condition element with
 * multiple keys or values"). Negated operators are the negation of their positive form, applied by the caller.
 */
interface ValueMatcher {

    boolean matchesAny(String requestValue, ContextKeys context);
}
