package dev.gatehouse.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void hashThenPhcStringWithOwaspParameters() {
        assertThat(hasher.hash("Correct-Horse-9".toCharArray()))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void matchesWhenSamePasswordThenTrueAndOtherPasswordThenFalse() {
        String hash = hasher.hash("Correct-Horse-9".toCharArray());

        assertThat(hasher.matches("Correct-Horse-9".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("Correct-Horse-8".toCharArray(), hash)).isFalse();
    }

    @Test
    void hashWhenSamePasswordTwiceThenDifferentSalts() {
        assertThat(hasher.hash("Correct-Horse-9".toCharArray()))
                .isNotEqualTo(hasher.hash("Correct-Horse-9".toCharArray()));
    }

    @Test
    void matchesWhenHashMalformedThenFalse() {
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$2a$10$bcrypt")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2id$v=19$m=x,t=2,p=1$AA$AA")).isFalse();
    }
}
