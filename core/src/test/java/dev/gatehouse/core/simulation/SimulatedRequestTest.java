package dev.gatehouse.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedRequestTest {

    @Test
    void ofWhenResourceBlankThenEverything() {
        assertThat(SimulatedRequest.of("s3:GetObject", " ", null).resource()).isEqualTo("*");
        assertThat(SimulatedRequest.of(" s3:GetObject ", null, List.of()).action()).isEqualTo("s3:GetObject");
    }

    @Test
    void ofWhenAKeyIsGivenTwiceThenItHasBothValuesInOrder() {
        SimulatedRequest request = SimulatedRequest.of("s3:GetObject", "*",
                List.of("aws:TagKeys=team", "aws:SourceIp=10.0.0.1", "aws:TagKeys=cost-centre", "note=a=b"));

        assertThat(request.context()).containsEntry("aws:TagKeys", List.of("team", "cost-centre"))
                .containsEntry("aws:SourceIp", List.of("10.0.0.1"))
                .containsEntry("note", List.of("a=b"));
    }

    @Test
    void ofWhenActionIsNotServiceColonActionThenRefusedOnTheField() {
        DomainError error = catchThrowableOfType(DomainException.class,
                () -> SimulatedRequest.of("GetObject", "*", null)).error();

        assertThat(error).isEqualTo(new DomainError.InvalidInput("action",
                "action must be service:Action, e.g. s3:GetObject, not 'GetObject'"));
    }

    @Test
    void ofWhenActionHoldsAWildcardThenRefused() {
        // A request does one action: s3:Get* would be allowed by s3:* and pass a Deny on s3:GetObject (issue 11).
        for (String action : List.of("s3:Get*", "s3:GetObjec?", "s3:*", "*:GetObject")) {
            DomainError error = catchThrowableOfType(DomainException.class,
                    () -> SimulatedRequest.of(action, "*", null)).error();

            assertThat(error).isInstanceOf(DomainError.InvalidInput.class);
            assertThat(((DomainError.InvalidInput) error).field()).isEqualTo("action");
            assertThat(error.message()).contains("wildcards");
        }
    }

    @Test
    void simulationMatchesAWildcardInTheRequestedResourceLiterally() {
        AccessSimulator simulator = new AccessSimulator(null, null, null, null,
                Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC), null);
        AccessSimulator.WithPolicies policies = new AccessSimulator.WithPolicies(List.of(), """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"s3:*","Resource":"*"},
                  {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/secret/*"}]}""", null);

        assertThat(simulator.simulate(policies, SimulatedRequest.of("s3:GetObject", "arn:aws:s3:::bucket/secret/*",
                null)).verdict()).isEqualTo("deny (explicit)");
        assertThat(simulator.simulate(new AccessSimulator.WithPolicies(List.of(), """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/a*"}]}""", null),
                SimulatedRequest.of("s3:GetObject", "arn:aws:s3:::bucket/*", null)).verdict())
                .isEqualTo("deny (implicit)");
    }

    @Test
    void ofWhenAContextPairHasNoKeyThenRefusedNamingIt() {
        DomainError error = catchThrowableOfType(DomainException.class,
                () -> SimulatedRequest.of("s3:GetObject", "*", List.of("=10.0.0.1"))).error();

        assertThat(error.message()).contains("'=10.0.0.1'");
    }
}
