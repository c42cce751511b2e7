package dev.gatehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a statement's {@code Condition} block: {@code {"<operator>": {"<key>": <value or list>}}}, where the
 * operator may carry a {@code ForAllValues:}/{@code ForAnyValue:} prefix and an {@code IfExists} suffix (IAM JSON
 * policy elements: Condition; Condition operators).
 */
final class ConditionParser {

    private static final String IF_EXISTS = "IfExists";

    private final String where;
    private final List<PolicyProblem> problems;
    private final boolean variables;

    ConditionParser(String where, List<PolicyProblem> problems, boolean variables) {
        this.where = where;
        this.problems = problems;
        this.variables = variables;
    }

    List<ConditionClause> conditions(JsonNode condition) {
        List<ConditionClause> clauses = new ArrayList<>();
        if (condition == null) {
            return clauses;
        }
        if (!condition.isObject() || condition.isEmpty()) {
            problem("Condition must be an object of condition operators, e.g. {\"StringEquals\": {\"aws:username\": \"ed\"}}");
            return clauses;
        }
        for (Map.Entry<String, JsonNode> operator : condition.properties()) {
            clauses.addAll(operator(operator.getKey(), operator.getValue()));
        }
        return clauses;
    }

    private List<ConditionClause> operator(String written, JsonNode keys) {
        SetQualifier qualifier = SetQualifier.NONE;
        String name = written;
        for (SetQualifier candidate : List.of(SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE)) {
            if (name.startsWith(candidate.prefix())) {
                qualifier = candidate;
                name = name.substring(candidate.prefix().length());
            }
        }
        boolean ifExists = name.endsWith(IF_EXISTS) && name.length() > IF_EXISTS.length();
        String base = ifExists ? name.substring(0, name.length() - IF_EXISTS.length()) : name;
        Optional<ConditionOperator> known = ConditionOperator.named(base);
        if (known.isEmpty()) {
            problem("unknown condition operator " + written + ConditionOperator.caseInsensitiveMatch(base)
                    .map(match -> " (did you mean " + match + "? operator names are case-sensitive)")
                    .orElse(""));
            return List.of();
        }
        ConditionOperator operator = known.get();
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            problem("condition operator " + written + ": Null already tests whether a key exists; it takes no"
                    + " IfExists and no ForAllValues:/ForAnyValue:");
            return List.of();
        }
        if (!keys.isObject() || keys.isEmpty()) {
            problem("condition operator " + written + " must map condition keys to values, e.g. {\"aws:username\": \"ed\"}");
            return List.of();
        }
        List<ConditionClause> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> key : keys.properties()) {
            List<String> values = values(written, key.getKey(), key.getValue());
            if (key.getKey().isBlank()) {
                problem("condition operator " + written + " has an empty condition key");
            } else if (!values.isEmpty()) {
                clause(written, operator, qualifier, ifExists, key.getKey(), values).ifPresent(clauses::add);
            }
        }
        return clauses;
    }

    private Optional<ConditionClause> clause(String written, ConditionOperator operator, SetQualifier qualifier,
            boolean ifExists, String key, List<String> values) {
        try {
            if (operator == ConditionOperator.NULL) {
                return Optional.of(nullCondition(key, values));
            }
            boolean variablesOn = variables && operator.supportsVariables();
            List<PolicyString> parsed = values.stream().map(value -> PolicyString.parse(value, variablesOn)).toList();
            return Optional.of(new KeyCondition(key, operator, qualifier, ifExists,
                    operator.compile(parsed, variablesOn)));
        } catch (IllegalArgumentException e) {
            problem(written + " " + key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static NullCondition nullCondition(String key, List<String> values) {
        boolean whenAbsent = false;
        boolean whenPresent = false;
        for (String value : values) {
            if (value.equalsIgnoreCase("true")) {
                whenAbsent = true;
            } else if (value.equalsIgnoreCase("false")) {
                whenPresent = true;
            } else {
                throw new IllegalArgumentException("value " + value + " is not true (key absent) or false (key present)");
            }
        }
        return new NullCondition(key, whenAbsent, whenPresent);
    }

    /** A string, number or boolean, or a non-empty list of them: IAM compares them as text. */
    private List<String> values(String operator, String key, JsonNode node) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isTextual() || item.isNumber() || item.isBoolean()) {
                values.add(item.asText());
            } else {
                problem(operator + " " + key + ": a condition value must be a string, number or boolean, not " + item);
                return List.of();
            }
        }
        if (values.isEmpty()) {
            problem(operator + " " + key + ": the list of values is empty");
        }
        return values;
    }

    private void problem(String message) {
        problems.add(new PolicyProblem(where, message));
    }
}
