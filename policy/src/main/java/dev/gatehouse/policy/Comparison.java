package dev.gatehouse.policy;

/** How a request value compares with a policy value for the {@code Numeric*} and {@code Date*} operators. */
enum Comparison {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    /** @param order the request value compared with the policy value, as by {@code compareTo} */
    boolean holds(int order) {
        return switch (this) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }
}
