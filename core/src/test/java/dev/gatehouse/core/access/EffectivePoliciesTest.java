package dev.gatehouse.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.policy.AccessRequest;
import dev.gatehouse.policy.ContextKeys;
import dev.gatehouse.policy.Decision;
import dev.gatehouse.policy.Policy;
import dev.gatehouse.policy.PolicyEvaluator;
import dev.gatehouse.policy.PolicySet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectivePoliciesTest {

    private static final String DENY_PROD_BUCKET = """
            {"Version":"2012-10-17","Statement":[{"Sid":"KeepOutOfProd","Effect":"Deny","Action":"s3:*",
              "Resource":"arn:aws:s3:::prod-*"}]}""";

    private static PermissionSet permissionSet(List<String> managed, String inline, String boundary) {
        return new PermissionSet("arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef",
                "Developer", null, Duration.ofHours(1), managed, inline, boundary, null, Map.of(),
                "0123456789abcdef", Instant.parse("2026-11-26T10:00:00Z"));
    }

    private static Decision decide(PermissionSet set, String action, String resource) {
        return new PolicyEvaluator().evaluate(EffectivePolicies.of(set),
                new AccessRequest(action, resource, ContextKeys.none()));
    }

    @Test
    void ofWhenManagedInlineAndBoundaryThenIdentityPoliciesInOrderCappedByTheBoundary() {
        PolicySet policies = EffectivePolicies.of(permissionSet(List.of("PowerUserAccess", "ReadOnlyAccess"),
                DENY_PROD_BUCKET, "ViewOnlyAccess"));

        assertThat(policies.identityPolicies()).extracting(Policy::name)
                .containsExactly("PowerUserAccess", "ReadOnlyAccess", "inline");
        assertThat(policies.permissionsBoundary()).map(Policy::name).contains("ViewOnlyAccess");
    }

    @Test
    void ofWhenNoBoundaryThenNone() {
        assertThat(EffectivePolicies.of(permissionSet(List.of("PowerUserAccess"), null, null))
                .permissionsBoundary()).isEmpty();
    }

    @Test
    void boundaryCapsWhatTheManagedPoliciesAllow() {
        PermissionSet capped = permissionSet(List.of("PowerUserAccess"), null, "ViewOnlyAccess");

        assertThat(decide(capped, "ec2:DescribeInstances", "*").outcome()).isEqualTo(Decision.Outcome.ALLOW);
        assertThat(decide(capped, "s3:PutObject", "arn:aws:s3:::reports/q3.csv").outcome())
                .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(decide(permissionSet(List.of("PowerUserAccess"), null, null), "s3:PutObject",
                "arn:aws:s3:::reports/q3.csv").outcome()).isEqualTo(Decision.Outcome.ALLOW);
    }

    @Test
    void inlineDenyWinsOverTheManagedAllow() {
        Decision decision = decide(permissionSet(List.of("PowerUserAccess"), DENY_PROD_BUCKET, null), "s3:GetObject",
                "arn:aws:s3:::prod-ledger/2026.csv");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decision.statement()).map(statement -> statement.sid()).contains("KeepOutOfProd");
    }

    @Test
    void boundaryNoLongerBundledAllowsNothing() {
        assertThat(decide(permissionSet(List.of("AdministratorAccess"), null, "RetiredAccess"),
                "ec2:DescribeInstances", "*").allowed()).isFalse();
    }

    @Test
    void inlinePolicySavedBeforeTheEngineAndNowRefusedDeniesEverythingNamingItself() {
        // Passed the old check (a JSON object with a Statement); today's engine refuses the unknown operator.
        String saved = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*",
                  "Condition":{"StringEqualsSometimes":{"aws:username":"ed"}}}]}""";

        Decision decision = decide(permissionSet(List.of("AdministratorAccess"), saved, null), "ec2:DescribeInstances",
                "*");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decision.statement()).map(statement -> statement.policyName()).hasValueSatisfying(
                name -> assertThat(name).startsWith("inline (invalid"));
    }
}
