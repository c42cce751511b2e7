package dev.gatehouse.core.scim;

import dev.gatehouse.core.error.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2): comparisons {@code eq ne co sw ew gt ge lt le}, presence {@code pr}, joined by
 * {@code and}, {@code or}, {@code not (…)} and parentheses. Parsed against the attributes a resource type can be
 * filtered by; an unknown attribute, an unknown operator or anything else malformed is an InvalidInput on the field
 * {@link ScimFields#FILTER}, which the SCIM writer answers as {@code invalidFilter}.
 */
public sealed interface ScimFilter {

    /** Longer filters are refused before parsing. */
    int MAX_LENGTH = 1_000;
    /** How deeply parentheses and {@code not} may nest. */
    int MAX_DEPTH = 16;

    /** Whether a resource matches; {@code values} gives an attribute's values (lower-cased name), empty if unset. */
    boolean matches(Function<String, List<Object>> values);

    record Compare(String attribute, String operator, Object value, boolean caseExact) implements ScimFilter {
        @Override
        public boolean matches(Function<String, List<Object>> values) {
            List<Object> actual = values.apply(attribute);
            if (operator.equals("ne")) {
                return actual.stream().noneMatch(a -> compare(a, "eq"));
            }
            return actual.stream().anyMatch(a -> compare(a, operator));
        }

        private boolean compare(Object actual, String op) {
            if (value == null) {
                return op.equals("eq") ? actual == null : actual != null;
            }
            if (actual instanceof Boolean b) {
                return value instanceof Boolean v && op.equals("eq") && b.equals(v);
            }
            if (actual == null || !(value instanceof String v)) {
                return false;
            }
            String a = caseExact ? actual.toString() : actual.toString().toLowerCase(Locale.ROOT);
            String w = caseExact ? v : v.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "eq" -> a.equals(w);
                case "co" -> a.contains(w);
                case "sw" -> a.startsWith(w);
                case "ew" -> a.endsWith(w);
                case "gt" -> a.compareTo(w) > 0;
                case "ge" -> a.compareTo(w) >= 0;
                case "lt" -> a.compareTo(w) < 0;
                case "le" -> a.compareTo(w) <= 0;
                default -> throw new IllegalStateException("parsed operator " + op);
            };
        }
    }

    record Present(String attribute) implements ScimFilter {
        @Override
        public boolean matches(Function<String, List<Object>> values) {
            return values.apply(attribute).stream()
                    .anyMatch(v -> v != null && !(v instanceof String s && s.isEmpty()));
        }
    }

    record And(ScimFilter left, ScimFilter right) implements ScimFilter {
        @Override
        public boolean matches(Function<String, List<Object>> values) {
            return left.matches(values) && right.matches(values);
        }
    }

    record Or(ScimFilter left, ScimFilter right) implements ScimFilter {
        @Override
        public boolean matches(Function<String, List<Object>> values) {
            return left.matches(values) || right.matches(values);
        }
    }

    record Not(ScimFilter inner) implements ScimFilter {
        @Override
        public boolean matches(Function<String, List<Object>> values) {
            return !inner.matches(values);
        }
    }

    /**
     * Parses {@code text} for a resource type that can be filtered by {@code attributes} (lower-case names, e.g.
     * {@code emails.value}); of those, {@code caseExact} compare with case (RFC 7643: {@code id}, {@code externalId}).
     */
    static ScimFilter parse(String text, Set<String> attributes, Set<String> caseExact) {
        if (text == null || text.isBlank()) {
            throw ScimFields.invalidFilter("The filter is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimFields.invalidFilter("The filter must be at most " + MAX_LENGTH + " characters");
        }
        return new Parser(tokens(text), attributes, caseExact).whole();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder("\"");
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    s.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw ScimFields.invalidFilter("A string in the filter is not closed");
                }
                i++;
                tokens.add(s.toString());
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    /** Recursive descent over the tokens: or of ands of unary terms. */
    final class Parser {
        private static final Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
        private static final String URN = "urn:ietf:params:scim:schemas:core:2.0:";

        private final List<String> tokens;
        private final Set<String> attributes;
        private final Set<String> caseExact;
        private int position;
        private int depth;

        private Parser(List<String> tokens, Set<String> attributes, Set<String> caseExact) {
            this.tokens = tokens;
            this.attributes = attributes;
            this.caseExact = caseExact;
        }

        ScimFilter whole() {
            ScimFilter filter = or();
            if (position < tokens.size()) {
                throw ScimFields.invalidFilter("Unexpected '" + shown(tokens.get(position)) + "' in the filter");
            }
            return filter;
        }

        private ScimFilter or() {
            ScimFilter left = and();
            while (keyword("or")) {
                left = new Or(left, and());
            }
            return left;
        }

        private ScimFilter and() {
            ScimFilter left = unary();
            while (keyword("and")) {
                left = new And(left, unary());
            }
            return left;
        }

        private ScimFilter unary() {
            if (keyword("not")) {
                return new Not(grouped(true));
            }
            if ("(".equals(peek())) {
                return grouped(false);
            }
            return comparison();
        }

        private ScimFilter grouped(boolean required) {
            if (!"(".equals(peek())) {
                throw ScimFields.invalidFilter(required ? "'not' must be followed by '('" : "Expected '('");
            }
            position++;
            if (++depth > MAX_DEPTH) {
                throw ScimFields.invalidFilter("The filter nests more than " + MAX_DEPTH + " levels");
            }
            ScimFilter inner = or();
            if (!")".equals(peek())) {
                throw ScimFields.invalidFilter("A '(' in the filter is not closed");
            }
            position++;
            depth--;
            return inner;
        }

        private ScimFilter comparison() {
            String path = next("an attribute");
            if (path.startsWith("\"") || path.equals(")")) {
                throw ScimFields.invalidFilter("Expected an attribute, found '" + shown(path) + "'");
            }
            String attribute = attribute(path);
            String operator = next("an operator").toLowerCase(Locale.ROOT);
            if (operator.equals("pr")) {
                return new Present(attribute);
            }
            if (!OPERATORS.contains(operator)) {
                throw ScimFields.invalidFilter("Unknown operator '" + shown(operator) + "'");
            }
            String token = next("a value");
            Object value;
            if (token.startsWith("\"")) {
                value = token.substring(1);
            } else if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
                value = Boolean.valueOf(token.toLowerCase(Locale.ROOT));
            } else if (token.equals("null")) {
                value = null;
            } else if (token.matches("-?[0-9]+(\\.[0-9]+)?")) {
                value = token;
            } else {
                throw ScimFields.invalidFilter("Expected a value after '" + operator + "'");
            }
            return new Compare(attribute, operator, value, caseExact.contains(attribute));
        }

        private String attribute(String path) {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.startsWith(URN.toLowerCase(Locale.ROOT))) {
                int colon = name.indexOf(':', URN.length());
                name = colon < 0 ? name : name.substring(colon + 1);
            }
            if (name.equals("emails")) {
                name = "emails.value";
            }
            if (!attributes.contains(name)) {
                throw ScimFields.invalidFilter("Cannot filter by '" + shown(path) + "'");
            }
            return name;
        }

        private boolean keyword(String word) {
            if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(word)) {
                position++;
                return true;
            }
            return false;
        }

        private String peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        private String next(String what) {
            if (position >= tokens.size()) {
                throw ScimFields.invalidFilter("The filter ends where " + what + " was expected");
            }
            return tokens.get(position++);
        }

        private static String shown(String token) {
            return token.length() > 40 ? token.substring(0, 40) + "…" : token;
        }
    }
}
