package dev.gatehouse.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A string from a policy ({@code Resource}, a condition value) with its policy variables found: {@code ${key}},
 * {@code ${key, 'default'}} and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. A variable's value and an
 * escaped character are always literal text, never wildcards: a user named {@code *} must not match everything.
 * In a {@code 2008-10-17} policy nothing is a variable (IAM JSON policy elements: Version).
 */
final class PolicyString {

    private sealed interface Part permits Text, Literal, Variable {
    }

    /** Policy text, where {@code *} and {@code ?} are wildcards if the operator matches patterns. */
    private record Text(String text) implements Part {
    }

    /** An escaped character or a resolved value: matched as itself. */
    private record Literal(String text) implements Part {
    }

    private record Variable(String key, String fallback) implements Part {

        private Variable {
            key = ContextKeys.lowerCase(key);
        }
    }

    private final String raw;
    private final List<Part> parts;
    private final boolean variable;

    private PolicyString(String raw, List<Part> parts) {
        this.raw = raw;
        this.parts = List.copyOf(parts);
        this.variable = parts.stream().anyMatch(Variable.class::isInstance);
    }

    /**
     * @param variables whether {@code ${...}} means a variable (policy language 2012-10-17) or is plain text
     * @throws IllegalArgumentException for a malformed variable, naming it
     */
    static PolicyString parse(String raw, boolean variables) {
        if (!variables || !raw.contains("${")) {
            return new PolicyString(raw, List.of(new Text(raw)));
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            int start = raw.indexOf("${", i);
            if (start < 0) {
                parts.add(new Text(raw.substring(i)));
                break;
            }
            if (start > i) {
                parts.add(new Text(raw.substring(i, start)));
            }
            i = variable(raw, start + 2, parts);
        }
        return new PolicyString(raw, parts);
    }

    /** Reads the variable whose body starts at {@code from}; returns the index after its closing brace. */
    private static int variable(String raw, int from, List<Part> parts) {
        int close = raw.indexOf('}', from);
        int comma = raw.indexOf(',', from);
        if (close < 0) {
            throw new IllegalArgumentException("policy variable " + raw.substring(from - 2) + " has no closing }");
        }
        if (comma < 0 || comma > close) {
            String body = raw.substring(from, close).strip();
            switch (body) {
                case "*", "?", "$" -> parts.add(new Literal(body));
                case "" -> throw new IllegalArgumentException("policy variable ${} names no key");
                default -> parts.add(new Variable(body, null));
            }
            return close + 1;
        }
        String key = raw.substring(from, comma).strip();
        int quote = comma + 1;
        while (quote < raw.length() && raw.charAt(quote) == ' ') {
            quote++;
        }
        if (key.isEmpty() || quote >= raw.length() || raw.charAt(quote) != '\'') {
            throw new IllegalArgumentException("policy variable " + raw.substring(from - 2, close + 1)
                    + " must read ${key, 'default'}");
        }
        StringBuilder fallback = new StringBuilder();
        int i = quote + 1;
        while (true) {
            if (i >= raw.length()) {
                throw new IllegalArgumentException("policy variable " + raw.substring(from - 2)
                        + " has an unterminated default value");
            }
            char c = raw.charAt(i);
            if (c == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
                fallback.append('\'');
                i += 2;
            } else if (c == '\'') {
                i++;
                break;
            } else {
                fallback.append(c);
                i++;
            }
        }
        while (i < raw.length() && raw.charAt(i) == ' ') {
            i++;
        }
        if (i >= raw.length() || raw.charAt(i) != '}') {
            throw new IllegalArgumentException("policy variable " + raw.substring(from - 2)
                    + " must end with } after its default value");
        }
        parts.add(new Variable(key, fallback.toString()));
        return i + 1;
    }

    String raw() {
        return raw;
    }

    boolean hasVariables() {
        return variable;
    }

    /** The text with variables replaced, or {@code null} when a variable has no value and no default. */
    String resolve(ContextKeys context) {
        if (parts.size() == 1 && parts.get(0) instanceof Text text) {
            return text.text();
        }
        StringBuilder resolved = new StringBuilder(raw.length() + 16);
        for (Part part : parts) {
            String value = value(part, context);
            if (value == null) {
                return null;
            }
            resolved.append(value);
        }
        return resolved.toString();
    }

    /** The text as {@link Glob} codes, variables and escapes literal; {@code null} when a variable has no value. */
    int[] patternCodes(ContextKeys context) {
        int length = 0;
        for (Part part : parts) {
            String value = value(part, context);
            if (value == null) {
                return null;
            }
            length += value.length();
        }
        int[] codes = new int[length];
        int at = 0;
        for (Part part : parts) {
            String value = value(part, context);
            boolean wildcards = part instanceof Text;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                codes[at++] = wildcards && c == '*' ? Glob.STAR : wildcards && c == '?' ? Glob.ONE : c;
            }
        }
        return codes;
    }

    private static String value(Part part, ContextKeys context) {
        return switch (part) {
            case Text text -> text.text();
            case Literal literal -> literal.text();
            case Variable variable -> {
                // A key with several values cannot stand in one place; like an absent key it falls to the default.
                List<String> values = context == null ? null : context.valuesOrNull(variable.key());
                yield values != null && values.size() == 1 ? values.get(0) : variable.fallback();
            }
        };
    }

    @Override
    public String toString() {
        return raw;
    }
}
