package dev.gatehouse.policy;

/** One operator applied to one condition key; a statement's clauses are ANDed. */
sealed interface ConditionClause permits KeyCondition, NullCondition {

    boolean holds(ContextKeys context);
}
