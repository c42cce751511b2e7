package dev.gatehouse.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The condition operators of IAM JSON policy elements: Condition operators, by name. {@code …IfExists} and the
 * {@code ForAllValues:}/{@code ForAnyValue:} prefixes are read by {@link ConditionParser}; this is the base
 * operator: its family, whether it negates, and whether its values may contain policy variables.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, true),
    STRING_NOT_EQUALS("StringNotEquals", true, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, true),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, true),
    STRING_LIKE("StringLike", false, true),
    STRING_NOT_LIKE("StringNotLike", true, true),
    NUMERIC_EQUALS("NumericEquals", false, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, false),
    NUMERIC_LESS_THAN("NumericLessThan", false, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, false),
    DATE_EQUALS("DateEquals", false, false),
    DATE_NOT_EQUALS("DateNotEquals", true, false),
    DATE_LESS_THAN("DateLessThan", false, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, false),
    DATE_GREATER_THAN("DateGreaterThan", false, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, false),
    BOOL("Bool", false, true),
    BINARY_EQUALS("BinaryEquals", false, false),
    IP_ADDRESS("IpAddress", false, false),
    NOT_IP_ADDRESS("NotIpAddress", true, false),
    ARN_EQUALS("ArnEquals", false, true),
    ARN_LIKE("ArnLike", false, true),
    ARN_NOT_EQUALS("ArnNotEquals", true, true),
    ARN_NOT_LIKE("ArnNotLike", true, true),
    NULL("Null", false, false);

    private static final Map<String, ConditionOperator> BY_NAME = new LinkedHashMap<>();

    static {
        for (ConditionOperator operator : values()) {
            BY_NAME.put(operator.operatorName, operator);
        }
    }

    private final String operatorName;
    private final boolean negated;
    private final boolean variables;

    ConditionOperator(String operatorName, boolean negated, boolean variables) {
        this.operatorName = operatorName;
        this.negated = negated;
        this.variables = variables;
    }

    static Optional<ConditionOperator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The operator a mistyped name was probably meant to be: same letters, other case. */
    static Optional<String> caseInsensitiveMatch(String name) {
        return BY_NAME.keySet().stream().filter(known -> known.equalsIgnoreCase(name)).findFirst();
    }

    String operatorName() {
        return operatorName;
    }

    boolean negated() {
        return negated;
    }

    boolean supportsVariables() {
        return variables;
    }

    /** The policy values compiled, or an {@link IllegalArgumentException} naming the value that cannot be. */
    ValueMatcher compile(List<PolicyString> values, boolean variablesOn) {
        return switch (this) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> new StringValues(StringValues.Kind.EQUALS, values);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                    new StringValues(StringValues.Kind.EQUALS_IGNORE_CASE, values);
            case STRING_LIKE, STRING_NOT_LIKE -> new StringValues(StringValues.Kind.LIKE, values);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> new NumericValues(Comparison.EQUALS, values);
            case NUMERIC_LESS_THAN -> new NumericValues(Comparison.LESS_THAN, values);
            case NUMERIC_LESS_THAN_EQUALS -> new NumericValues(Comparison.LESS_THAN_EQUALS, values);
            case NUMERIC_GREATER_THAN -> new NumericValues(Comparison.GREATER_THAN, values);
            case NUMERIC_GREATER_THAN_EQUALS -> new NumericValues(Comparison.GREATER_THAN_EQUALS, values);
            case DATE_EQUALS, DATE_NOT_EQUALS -> new DateValues(Comparison.EQUALS, values);
            case DATE_LESS_THAN -> new DateValues(Comparison.LESS_THAN, values);
            case DATE_LESS_THAN_EQUALS -> new DateValues(Comparison.LESS_THAN_EQUALS, values);
            case DATE_GREATER_THAN -> new DateValues(Comparison.GREATER_THAN, values);
            case DATE_GREATER_THAN_EQUALS -> new DateValues(Comparison.GREATER_THAN_EQUALS, values);
            case BOOL -> new BoolValues(values);
            case BINARY_EQUALS -> new BinaryValues(values);
            case IP_ADDRESS, NOT_IP_ADDRESS -> new IpValues(values);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE ->
                    new ArnValues(values.stream().map(value -> ArnPattern.parse(value.raw(), variablesOn)).toList());
            case NULL -> throw new IllegalStateException("Null is checked by NullCondition");
        };
    }
}
