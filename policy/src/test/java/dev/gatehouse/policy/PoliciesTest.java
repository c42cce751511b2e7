package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final String ALLOW_ALL = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""";

    @Test
    void parseWhenNotJsonThenNamesLineColumnAndQuotesTheLine() {
        String document = """
                {
                  "Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow" "Action": "*"}]
                }""";

        assertThatThrownBy(() -> Policies.parseInline(document))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("the policy is not valid JSON at line 3, column 36: Unexpected character")
                .hasMessageEndingWith("(line 3 reads: \"Statement\": [{\"Effect\": \"Allow\" \"Action\": \"*\"}])");
    }

    @Test
    void parseInlineWhenOverTheLimitAndNotJsonThenSaysBoth() {
        String longAndBroken = "{\n" + " ".repeat(Policies.MAX_INLINE_POLICY_CHARS) + "\nx";

        assertThat(catchThrowableOfType(InvalidPolicyException.class, () -> Policies.parseInline(longAndBroken))
                .problems()).extracting(PolicyProblem::message)
                .containsExactly("the policy has 10244 characters; an inline policy may have at most 10240",
                        "the policy is not valid JSON at line 3, column 1: Unexpected character ('x' (code 120)):"
                                + " was expecting double-quote to start field name (line 3 reads: x)");
    }

    @Test
    void parseWhenTrailingTextThenRefused() {
        assertThatThrownBy(() -> Policies.parse("custom", ALLOW_ALL + " {}"))
                .hasMessageStartingWith("the policy is not valid JSON at line 1");
    }

    @Test
    void parseWhenEmptyThenRefused() {
        assertThatThrownBy(() -> Policies.parseInline("  ")).hasMessage("the policy is empty");
    }

    @Test
    void parseInlineWhenOverTheLimitThenRefusedWithTheCount() {
        String padded = ALLOW_ALL.replace("\"*\"}}", "\"*\"}" + " ".repeat(Policies.MAX_INLINE_POLICY_CHARS) + "}");

        assertThatThrownBy(() -> Policies.parseInline(padded))
                .hasMessage("the policy has " + padded.length() + " characters; an inline policy may have at most 10240");
        assertThatThrownBy(() -> Policies.parse(Policies.INLINE, padded)).isInstanceOf(InvalidPolicyException.class);
        assertThat(Policies.parse("boundary", padded).statements()).hasSize(1);
    }

    @Test
    void parseInlineAtTheLimitThenAccepted() {
        String padded = ALLOW_ALL.replace("\"*\"}}", "\"*\"}"
                + " ".repeat(Policies.MAX_INLINE_POLICY_CHARS - ALLOW_ALL.length()) + "}");

        assertThat(padded).hasSize(Policies.MAX_INLINE_POLICY_CHARS);
        assertThat(Policies.parseInline(padded).name()).isEqualTo("inline");
    }

    @Test
    void parseWhenSeveralProblemsThenReportsEveryOneWithItsStatement() {
        InvalidPolicyException refused = catchThrowableOfType(InvalidPolicyException.class, () -> Policies.parse("custom", """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "First", "Effect": "Permit", "Action": "s3:GetObject", "Resource": "*"},
                  {"Effect": "Allow", "Action": "s3:*", "Resource": "s3://bucket",
                   "Condition": {"StringEqualz": {"k": "v"}}}]}"""));

        assertThat(refused.problems()).containsExactly(
                new PolicyProblem("Statement[0] (Sid First)", "Effect must be Allow or Deny, not \"Permit\""),
                new PolicyProblem("Statement[1]",
                        "Resource s3://bucket is not an ARN (arn:partition:service:region:account:resource) or *"),
                new PolicyProblem("Statement[1]", "unknown condition operator StringEqualz"));
        assertThat(refused.getMessage()).isEqualTo("Statement[0] (Sid First): Effect must be Allow or Deny, not"
                + " \"Permit\"; Statement[1]: Resource s3://bucket is not an ARN (arn:partition:service:region:"
                + "account:resource) or *; Statement[1]: unknown condition operator StringEqualz");
    }

    @Test
    void parseWhenNoVersionThenTheOldLanguage() {
        Policy policy = Policies.parse("old", """
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""");

        assertThat(policy.version()).isEqualTo("2008-10-17");
    }

    @Test
    void parseKeepsStatementsWithTheirSidAndEffect() {
        Policy policy = Policies.parse("custom", """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "s3:GetObjectAcl", "Resource": "*"}]}""");

        assertThat(policy.statements()).extracting(Statement::index, Statement::sid, Statement::effect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Read", Effect.ALLOW),
                        org.assertj.core.groups.Tuple.tuple(1, null, Effect.DENY));
        assertThat(policy.statements().get(0).compiled()).hasToString("Action [s3:Get*] Resource [*]");
    }

    @Test
    void managedPoliciesAreFoundByNameAndByArn() {
        assertThat(ManagedPolicies.names())
                .containsExactly("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "ViewOnlyAccess");
        assertThat(ManagedPolicies.find("PowerUserAccess")).map(Policy::name).contains("PowerUserAccess");
        assertThat(ManagedPolicies.find("arn:aws:iam::aws:policy/AdministratorAccess")).map(Policy::name)
                .contains("AdministratorAccess");
        assertThat(ManagedPolicies.find("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")).map(Policy::name)
                .contains("ViewOnlyAccess");
        assertThat(ManagedPolicies.find("SecurityAudit")).isEmpty();
        assertThat(ManagedPolicies.find("job-function/ViewOnlyAccess")).isEmpty();
        assertThat(ManagedPolicies.find("arn:aws:iam::123456789012:policy/PowerUserAccess")).isEmpty();
    }

    @Test
    void decisionsNameTheDecidingStatementForPeople() {
        Policy inline = Policies.parseInline("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                  {"Sid": "NoProd", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::prod/*"}]}""");
        PolicyEvaluator evaluator = new PolicyEvaluator();
        PolicySet set = PolicySet.of(List.of(ManagedPolicies.find("ViewOnlyAccess").orElseThrow(), inline));

        Decision denied = evaluator.evaluate(set, request("s3:GetObject", "arn:aws:s3:::prod/key"));
        Decision allowed = evaluator.evaluate(set, request("ec2:DescribeVpcs", "*"));
        Decision nothing = evaluator.evaluate(PolicySet.of(List.of()), request("ec2:DescribeVpcs", "*"));

        assertThat(denied.statement()).contains(new DecidingStatement("inline", 1, "NoProd"));
        assertThat(denied.reason()).isEqualTo("explicitly denied by inline Statement[1] (Sid NoProd)");
        assertThat(allowed.reason()).isEqualTo("allowed by ViewOnlyAccess Statement[0] (Sid ListAndDescribeResources)");
        assertThat(nothing.reason()).isEqualTo("implicitly denied: no statement allows this action on this resource");
    }

    @Test
    void boundaryDecisionsSayWhetherTheBoundaryStoppedIt() {
        Policy boundary = Policies.parse("boundary", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
        PolicySet set = new PolicySet(List.of(ManagedPolicies.find("AdministratorAccess").orElseThrow()),
                Optional.of(boundary));
        PolicyEvaluator evaluator = new PolicyEvaluator();

        assertThat(evaluator.evaluate(set, request("s3:PutObject", "*")).reason())
                .isEqualTo("allowed by AdministratorAccess Statement[0], within the permissions boundary");
        assertThat(evaluator.evaluate(set, request("ec2:RunInstances", "*")).reason())
                .isEqualTo("implicitly denied: an identity policy allows it, but the permissions boundary does not");
    }

    private static AccessRequest request(String action, String resource) {
        return new AccessRequest(action, resource, ContextKeys.of(Map.of()));
    }
}
