package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the evaluation logic that must hold for any policies (Policy evaluation logic): a Deny can only
 * take permissions away, and neither the order of statements nor the order of policies changes a decision.
 * Seeded random policies drawn from actions, resources and conditions that overlap on purpose.
 */
class EvaluationPropertyTest {

    private static final List<String> ACTIONS = List.of("*", "s3:*", "s3:Get*", "s3:GetObject", "S3:putobject",
            "ec2:Describe*", "iam:?etUser", "iam:*");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k",
            "arn:aws:s3:::${aws:username}/*", "arn:aws:iam::123456789012:user/*", "arn:aws:s3:*");
    private static final List<String> CONDITIONS = List.of(
            "{\"StringEquals\":{\"aws:username\":\"ed\"}}",
            "{\"StringNotEquals\":{\"aws:PrincipalTag/dept\":[\"eng\",\"ops\"]}}",
            "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
            "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}",
            "{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":\"env*\"}}",
            "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\",\"owner\"]}}",
            "{\"StringEqualsIfExists\":{\"aws:PrincipalTag/dept\":\"eng\"}}",
            "{\"Null\":{\"aws:username\":\"true\"}}",
            "{\"NumericLessThan\":{\"n\":\"5\"}}");
    private static final List<String> REQUEST_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "ec2:DescribeVpcs",
            "iam:GetUser", "iam:CreateUser", "sqs:SendMessage");
    private static final List<String> REQUEST_RESOURCES = List.of("*", "arn:aws:s3:::b/k", "arn:aws:s3:::ed/x",
            "arn:aws:s3:::b", "arn:aws:iam::123456789012:user/ann");

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Test
    void addingADenyStatementNeverTurnsADenyIntoAnAllow() {
        Random random = new Random(61);
        for (int i = 0; i < 3_000; i++) {
            List<String> statements = statements(random, 1 + random.nextInt(5));
            AccessRequest request = request(random);
            Decision before = evaluate(List.of(statements), request);
            List<String> withDeny = new ArrayList<>(statements);
            withDeny.add(random.nextInt(withDeny.size() + 1), statement(random, "Deny"));
            Decision after = evaluate(List.of(withDeny), request);

            if (!before.allowed()) {
                assertThat(after.allowed()).as("%s + deny %s for %s", statements, withDeny, request).isFalse();
            }
            if (before.outcome() == Decision.Outcome.EXPLICIT_DENY) {
                assertThat(after.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
            }
        }
    }

    @Test
    void aMatchingDenyAlwaysWins() {
        Random random = new Random(62);
        for (int i = 0; i < 2_000; i++) {
            List<String> statements = new ArrayList<>(statements(random, 1 + random.nextInt(5)));
            AccessRequest request = request(random);
            statements.add(random.nextInt(statements.size() + 1),
                    "{\"Effect\":\"Deny\",\"Action\":\"" + request.action() + "\",\"Resource\":\"*\"}");

            assertThat(evaluate(List.of(statements), request).outcome()).as("%s for %s", statements, request)
                    .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        }
    }

    @Test
    void theOrderOfStatementsAndOfPoliciesDoesNotChangeTheOutcome() {
        Random random = new Random(63);
        for (int i = 0; i < 3_000; i++) {
            List<List<String>> policies = new ArrayList<>();
            for (int p = 0, n = 1 + random.nextInt(3); p < n; p++) {
                policies.add(statements(random, 1 + random.nextInt(4)));
            }
            AccessRequest request = request(random);
            Decision original = evaluate(policies, request);
            List<List<String>> shuffled = new ArrayList<>();
            for (List<String> policy : policies) {
                List<String> reordered = new ArrayList<>(policy);
                Collections.shuffle(reordered, random);
                shuffled.add(reordered);
            }
            Collections.shuffle(shuffled, random);

            assertThat(evaluate(shuffled, request).outcome()).as("%s vs %s for %s", policies, shuffled, request)
                    .isEqualTo(original.outcome());
        }
    }

    @Test
    void aBoundaryOnlyEverTakesPermissionsAway() {
        Random random = new Random(64);
        for (int i = 0; i < 2_000; i++) {
            List<String> identity = statements(random, 1 + random.nextInt(4));
            Policy boundary = policy("boundary", statements(random, 1 + random.nextInt(3)));
            AccessRequest request = request(random);
            Decision without = evaluate(List.of(identity), request);
            Decision with = evaluator.evaluate(new PolicySet(List.of(policy("p", identity)),
                    java.util.Optional.of(boundary)), request);

            if (with.allowed()) {
                assertThat(without.allowed()).as("%s within %s for %s", identity, boundary, request).isTrue();
            }
        }
    }

    private Decision evaluate(List<List<String>> policies, AccessRequest request) {
        List<Policy> parsed = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            parsed.add(policy("p" + p, policies.get(p)));
        }
        return evaluator.evaluate(PolicySet.of(parsed), request);
    }

    private static Policy policy(String name, List<String> statements) {
        return Policies.parse(name, "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
    }

    private static List<String> statements(Random random, int count) {
        List<String> statements = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            statements.add(statement(random, random.nextInt(3) == 0 ? "Deny" : "Allow"));
        }
        return statements;
    }

    private static String statement(Random random, String effect) {
        String action = (random.nextInt(4) == 0 ? "NotAction" : "Action") + "\":" + quotedList(random, ACTIONS);
        String resource = (random.nextInt(5) == 0 ? "NotResource" : "Resource") + "\":" + quotedList(random, RESOURCES);
        String condition = random.nextInt(2) == 0 ? ""
                : ",\"Condition\":" + CONDITIONS.get(random.nextInt(CONDITIONS.size()));
        return "{\"Effect\":\"" + effect + "\",\"" + action + ",\"" + resource + condition + "}";
    }

    private static String quotedList(Random random, List<String> choices) {
        List<String> picked = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            picked.add("\"" + choices.get(random.nextInt(choices.size())) + "\"");
        }
        return "[" + String.join(",", picked) + "]";
    }

    private static AccessRequest request(Random random) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        maybe(random, context, "aws:username", List.of("ed"), List.of("ann"));
        maybe(random, context, "aws:PrincipalTag/dept", List.of("eng"), List.of("hr"));
        maybe(random, context, "aws:SecureTransport", List.of("true"), List.of("false"));
        maybe(random, context, "aws:SourceIp", List.of("10.1.2.3"), List.of("192.0.2.1"));
        maybe(random, context, "aws:TagKeys", List.of("env", "owner"), List.of("project", "env"));
        maybe(random, context, "n", List.of("3"), List.of("7"));
        return new AccessRequest(REQUEST_ACTIONS.get(random.nextInt(REQUEST_ACTIONS.size())),
                REQUEST_RESOURCES.get(random.nextInt(REQUEST_RESOURCES.size())), ContextKeys.of(context));
    }

    private static void maybe(Random random, Map<String, List<String>> context, String key, List<String> one,
            List<String> other) {
        switch (random.nextInt(3)) {
            case 0 -> context.put(key, one);
            case 1 -> context.put(key, other);
            default -> {
            }
        }
    }
}
