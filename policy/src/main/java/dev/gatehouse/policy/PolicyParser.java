package dev.gatehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a policy document into a {@link Policy}, collecting every problem before giving up, so that one attempt
 * shows all of them (IAM JSON policy element reference; Grammar of the IAM JSON policy language).
 */
final class PolicyParser {

    static final String VERSION_2012 = "2012-10-17";
    static final String VERSION_2008 = "2008-10-17";
    private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition");

    private final String name;
    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyParser(String name) {
        this.name = name;
    }

    static Policy parse(String name, String document, int maxChars) {
        return new PolicyParser(name).policy(document, maxChars);
    }

    private Policy policy(String document, int maxChars) {
        if (document == null || document.isBlank()) {
            throw new InvalidPolicyException(List.of(new PolicyProblem(null, "the policy is empty")));
        }
        if (document.length() > maxChars) {
            problems.add(new PolicyProblem(null, "the policy has " + document.length()
                    + " characters; an inline policy may have at most " + maxChars));
        }
        JsonNode root;
        try {
            root = JsonSyntax.read(document);
        } catch (InvalidPolicyException notJson) {
            problems.addAll(notJson.problems());
            throw new InvalidPolicyException(problems);
        }
        if (!root.isObject()) {
            throw new InvalidPolicyException(List.of(new PolicyProblem(null,
                    "the policy must be a JSON object with Version and Statement")));
        }
        root.fieldNames().forEachRemaining(element -> {
            if (element.equals("Principal") || element.equals("NotPrincipal")) {
                problem(null, element + " belongs in a statement of a resource-based policy, not in an identity policy");
            } else if (!POLICY_ELEMENTS.contains(element)) {
                problem(null, "unknown element " + element + " (a policy has Version, Id and Statement)");
            }
        });
        String version = version(root.get("Version"));
        JsonNode id = root.get("Id");
        if (id != null && !id.isTextual()) {
            problem(null, "Id must be a string");
        }
        List<Statement> statements = statements(root.get("Statement"), !VERSION_2008.equals(version));
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new Policy(name, version, statements);
    }

    /** A missing Version means 2008-10-17, where policy variables are plain text (IAM JSON policy elements: Version). */
    private String version(JsonNode version) {
        if (version == null) {
            return VERSION_2008;
        }
        if (!version.isTextual() || !(version.asText().equals(VERSION_2012) || version.asText().equals(VERSION_2008))) {
            problem(null, "Version must be " + VERSION_2012 + " (or the older " + VERSION_2008 + "), not " + version);
            return VERSION_2012;
        }
        return version.asText();
    }

    private List<Statement> statements(JsonNode node, boolean variables) {
        if (node == null) {
            problem(null, "the policy has no Statement");
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(nodes::add);
            if (nodes.isEmpty()) {
                problem(null, "Statement is an empty list; a policy needs at least one statement");
            }
        } else if (node.isObject()) {
            nodes.add(node);
        } else {
            problem(null, "Statement must be an object or a list of objects");
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (int index = 0; index < nodes.size(); index++) {
            Statement statement = statement(index, nodes.get(index), variables);
            if (statement != null && statement.sid() != null && !sids.add(statement.sid())) {
                problem(where(index, statement.sid()), "Sid " + statement.sid() + " is used by another statement;"
                        + " statement ids must be unique within a policy");
            }
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private Statement statement(int index, JsonNode node, boolean variables) {
        if (!node.isObject()) {
            problem("Statement[" + index + "]", "a statement must be a JSON object");
            return null;
        }
        String sid = sid(index, node.get("Sid"));
        String where = where(index, sid);
        int before = problems.size();
        node.fieldNames().forEachRemaining(element -> {
            if (element.equals("Principal") || element.equals("NotPrincipal")) {
                problem(where, element + " is not allowed in an identity policy: the principal is whoever holds"
                        + " the policy (use it in resource-based policies)");
            } else if (!STATEMENT_ELEMENTS.contains(element)) {
                problem(where, "unknown element " + element
                        + " (a statement has Sid, Effect, Action or NotAction, Resource or NotResource, Condition)");
            }
        });
        Effect effect = effect(where, node.get("Effect"));
        ActionMatcher actions = actions(where, node);
        ResourceMatcher resources = resources(where, node, variables);
        List<ConditionClause> conditions = new ConditionParser(where, problems, variables)
                .conditions(node.get("Condition"));
        if (problems.size() > before) {
            return null;
        }
        DecidingStatement name = new DecidingStatement(this.name, index, sid);
        return new Statement(index, sid, effect, new CompiledStatement(actions, resources, conditions, name));
    }

    private String sid(int index, JsonNode sid) {
        if (sid == null) {
            return null;
        }
        if (!sid.isTextual() || !sid.asText().chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            problem("Statement[" + index + "]", "Sid must be letters and digits only (A-Z, a-z, 0-9), not " + sid);
            return null;
        }
        return sid.asText().isEmpty() ? null : sid.asText();
    }

    static String where(int index, String sid) {
        return "Statement[" + index + "]" + (sid == null ? "" : " (Sid " + sid + ")");
    }

    private Effect effect(String where, JsonNode effect) {
        if (effect == null) {
            problem(where, "Effect is missing; it must be Allow or Deny");
            return null;
        }
        return switch (effect.isTextual() ? effect.asText() : "") {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> {
                problem(where, "Effect must be Allow or Deny, not " + effect);
                yield null;
            }
        };
    }

    private ActionMatcher actions(String where, JsonNode statement) {
        boolean not = statement.has("NotAction");
        if (statement.has("Action") && not) {
            problem(where, "Action and NotAction cannot both be given; use one");
            return null;
        }
        if (!statement.has("Action") && !not) {
            problem(where, "Action or NotAction is missing");
            return null;
        }
        String element = not ? "NotAction" : "Action";
        List<String> actions = strings(where, element, statement.get(element));
        for (String action : actions) {
            if (!validAction(action)) {
                problem(where, element + " " + action + " must be * or service:action (e.g. s3:GetObject)");
            }
        }
        return new ActionMatcher(actions, not);
    }

    private static boolean validAction(String action) {
        int colon = action.indexOf(':');
        if (action.equals("*")) {
            return true;
        }
        return colon > 0 && colon < action.length() - 1 && action.indexOf(':', colon + 1) < 0
                && action.chars().noneMatch(Character::isWhitespace);
    }

    private ResourceMatcher resources(String where, JsonNode statement, boolean variables) {
        boolean not = statement.has("NotResource");
        if (statement.has("Resource") && not) {
            problem(where, "Resource and NotResource cannot both be given; use one");
            return null;
        }
        if (!statement.has("Resource") && !not) {
            problem(where, "Resource or NotResource is missing (use \"Resource\": \"*\" for every resource)");
            return null;
        }
        String element = not ? "NotResource" : "Resource";
        List<ArnPattern> patterns = new ArrayList<>();
        for (String resource : strings(where, element, statement.get(element))) {
            try {
                patterns.add(ArnPattern.parse(resource, variables));
            } catch (IllegalArgumentException e) {
                problem(where, element + " " + e.getMessage());
            }
        }
        return new ResourceMatcher(patterns, not);
    }

    /** A string or a non-empty list of strings (IAM JSON policy grammar: {@code <action_string>}, ...). */
    private List<String> strings(String where, String element, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                if (item.isTextual()) {
                    values.add(item.asText());
                } else {
                    problem(where, element + " must list strings, not " + item);
                }
            }
        } else {
            problem(where, element + " must be a string or a non-empty list of strings");
        }
        if (values.removeIf(String::isBlank)) {
            problem(where, element + " contains an empty string");
        }
        return values;
    }

    private void problem(String where, String message) {
        problems.add(new PolicyProblem(where, message));
    }
}
