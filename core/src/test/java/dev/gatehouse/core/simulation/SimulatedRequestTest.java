package dev.gatehouse.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
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
    void ofWhenAContextPairHasNoKeyThenRefusedNamingIt() {
        DomainError error = catchThrowableOfType(DomainException.class,
                () -> SimulatedRequest.of("s3:GetObject", "*", List.of("=10.0.0.1"))).error();

        assertThat(error.message()).contains("'=10.0.0.1'");
    }
}
