package dev.gatehouse.core.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserCodesTest {

    @Test
    void generateThenEightConsonantsFromTheAlphabet() {
        for (int i = 0; i < 1000; i++) {
            assertThat(UserCodes.generate()).matches("[BCDFGHJKLMNPQRSTVWXZ]{8}");
        }
    }

    @Test
    void normalizeWhenTypedLooselyThenCanonical() {
        assertThat(UserCodes.normalize(" bcdf-ghjk ")).isEqualTo("BCDFGHJK");
        assertThat(UserCodes.normalize("BCDF GHJK")).isEqualTo("BCDFGHJK");
    }

    @Test
    void normalizeWhenVowelOrWrongLengthThenNull() {
        assertThat(UserCodes.normalize("ABCD-EFGH")).isNull();
        assertThat(UserCodes.normalize("BCDF-GHJ")).isNull();
        assertThat(UserCodes.normalize(null)).isNull();
    }

    @Test
    void displayThenDashInTheMiddle() {
        assertThat(UserCodes.display("BCDFGHJK")).isEqualTo("BCDF-GHJK");
    }
}
