package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request side of an evaluation is a fact about one call, never a pattern (issue 11, finding 4): policies keep
 * their wildcards, the requested action may hold none, and a {@code *} or {@code ?} in the requested resource is
 * just a character.
 */
class RequestIsLiteralTest {

    private static final PolicySet S3_EXCEPT_SECRETS = PolicySet.of(List.of(Policies.parseInline("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:*","Resource":"*"},
              {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/secret/*"}]}""")));
    private static final PolicySet A_PREFIX = PolicySet.of(List.of(Policies.parseInline("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/a*"}]}""")));

    private static Decision.Outcome decide(PolicySet policies, String action, String resource) {
        return new PolicyEvaluator().evaluate(policies, new AccessRequest(action, resource, ContextKeys.none()))
                .outcome();
    }

    @Test
    void aWildcardInTheRequestedActionIsRefusedBeforeAnyPolicyIsRead() {
        // Allowed by s3:*, and no Deny names "s3:Get*": today's evaluator would say ALLOW.
        assertThatThrownBy(() -> new AccessRequest("s3:Get*", "arn:aws:s3:::bucket/secret/plans", ContextKeys.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3:Get*");
        assertThatThrownBy(() -> new AccessRequest("s3:GetObjec?", "*", ContextKeys.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDenyOnAWildcardResourceStillDeniesThatTextRequestedLiterally() {
        assertThat(decide(S3_EXCEPT_SECRETS, "s3:GetObject", "arn:aws:s3:::bucket/secret/*"))
                .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decide(S3_EXCEPT_SECRETS, "s3:GetObject", "arn:aws:s3:::bucket/secret/plans"))
                .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decide(S3_EXCEPT_SECRETS, "s3:GetObject", "arn:aws:s3:::bucket/public/*"))
                .isEqualTo(Decision.Outcome.ALLOW);
    }

    @Test
    void aStarInTheRequestedResourceIsOneCharacterNotEveryResource() {
        // "bucket/*" requested does not mean "all of the bucket", so an Allow on bucket/a* does not cover it.
        assertThat(decide(A_PREFIX, "s3:GetObject", "arn:aws:s3:::bucket/*")).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(decide(A_PREFIX, "s3:GetObject", "arn:aws:s3:::bucket/?")).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(decide(A_PREFIX, "s3:GetObject", "*")).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        // ...while an object whose name starts with "a" and holds a star is still an "a" object.
        assertThat(decide(A_PREFIX, "s3:GetObject", "arn:aws:s3:::bucket/a*")).isEqualTo(Decision.Outcome.ALLOW);
    }
}
