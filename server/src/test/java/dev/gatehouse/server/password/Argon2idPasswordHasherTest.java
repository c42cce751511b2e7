package dev.gatehouse.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** What an unknown user name is checked against: the same parameters and sizes, so the same work as a hash. */
    @Test
    void decoyWhenCheckedThenNoPasswordMatchesAndItsShapeIsARealHashs() {
        String real = hasher.hash("Correct-Horse-9".toCharArray());
        String decoy = hasher.decoy();

        assertThat(decoy.split("\\$")).hasSize(6);
        assertThat(decoy.substring(0, decoy.lastIndexOf('$'))).hasSameSizeAs(real.substring(0, real.lastIndexOf('$')))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(decoy).hasSameSizeAs(real).isNotEqualTo(hasher.decoy());
        assertThat(hasher.matches("Correct-Horse-9".toCharArray(), decoy)).isFalse();
        assertThat(hasher.matches(new char[0], decoy)).isFalse();
    }

    @Test
    void matchesWhenHashMalformedThenFalse() {
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$2a$10$bcrypt")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2id$v=19$m=x,t=2,p=1$AA$AA")).isFalse();
    }

    /** OWASP's earlier minimum (15 MiB) and its other current choice (46 MiB, 1 pass): the hash names its own cost. */
    @ParameterizedTest
    @CsvSource({"15360, 2, 1", "47104, 1, 1"})
    void matchesWhenHashMadeWithOtherParametersThenStillVerifies(int memory, int iterations, int parallelism) {
        String hash = phcHash("Correct-Horse-9", memory, iterations, parallelism);

        assertThat(hasher.matches("Correct-Horse-9".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("Correct-Horse-8".toCharArray(), hash)).isFalse();
    }

    /** Made with Bouncy Castle directly, so the test does not trust the hasher to encode other parameters. */
    private static String phcHash(String password, int memory, int iterations, int parallelism) {
        byte[] salt = "sixteen-byte-slt".getBytes(StandardCharsets.UTF_8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memory)
                .withIterations(iterations).withParallelism(parallelism).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memory + ",t=" + iterations + ",p=" + parallelism + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
