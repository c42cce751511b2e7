package dev.gatehouse.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessKeyIdsTest {

    @Test
    void temporaryKeyIdThenAsiaAndSixteenBase32() {
        assertThat(AccessKeyIds.newTemporaryKeyId()).matches("ASIA[A-Z2-7]{16}");
    }

    @Test
    void secretThenFortyCharacters() {
        assertThat(AccessKeyIds.newSecretAccessKey()).hasSize(40).matches("[A-Za-z0-9+/]{40}");
    }
}
