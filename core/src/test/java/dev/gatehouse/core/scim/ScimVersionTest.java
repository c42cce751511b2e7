package dev.gatehouse.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScimVersionTest {

    @Test
    void versionIsAWeakTagThatFollowsWhatTheResourceShows() {
        String version = ScimVersion.of("id-1", "ann", null, true);

        assertThat(version).matches("W/\"[0-9a-f]{20}\"");
        assertThat(ScimVersion.of("id-1", "ann", null, true)).isEqualTo(version);
        assertThat(ScimVersion.of("id-1", "ann", null, false)).isNotEqualTo(version);
        assertThat(ScimVersion.of("id-1", "ann", "", true)).as("null and empty differ").isNotEqualTo(version);
    }

    @Test
    void requireWhenIfMatchIsAbsentStarOrNamesTheVersionAmongOthersThenPasses() {
        String current = ScimVersion.of("id-1");

        for (String ifMatch : Arrays.asList(null, "", "*", current, current.substring(2),
                "W/\"0000\", " + current)) {
            assertThatCode(() -> ScimVersion.require(ifMatch, current)).as(String.valueOf(ifMatch))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void requireWhenIfMatchNamesOnlyOtherVersionsThenRefusedAsVersion() {
        String current = ScimVersion.of("id-1");

        assertThatThrownBy(() -> ScimVersion.require(ScimVersion.of("id-2"), current))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isInstanceOfSatisfying(DomainError.InvalidInput.class,
                            invalid -> assertThat(invalid.field()).isEqualTo(ScimFields.VERSION));
                    assertThat(e.error().message()).contains(current).contains("Read it again");
                });
    }
}
