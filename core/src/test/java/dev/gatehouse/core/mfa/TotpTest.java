package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.mfa.Totp.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TotpTest {

    /** RFC 4226 Appendix D and RFC 6238 Appendix B: the ASCII digits repeated to the hash's output length. */
    private static final byte[] SEED_SHA1 = ascii("12345678901234567890");
    private static final byte[] SEED_SHA256 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_SHA512 = ascii(
            "1234567890123456789012345678901234567890123456789012345678901234");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:10Z");

    /** RFC 6238 Appendix B: Unix time, the time step T in hex, the 8-digit TOTP, the hash. */
    static Stream<Arguments> rfc6238Vectors() {
        return Stream.of(
                vector(59L, "0000000000000001", "94287082", Algorithm.SHA1),
                vector(59L, "0000000000000001", "46119246", Algorithm.SHA256),
                vector(59L, "0000000000000001", "90693936", Algorithm.SHA512),
                vector(1111111109L, "00000000023523EC", "07081804", Algorithm.SHA1),
                vector(1111111109L, "00000000023523EC", "68084774", Algorithm.SHA256),
                vector(1111111109L, "00000000023523EC", "25091201", Algorithm.SHA512),
                vector(1111111111L, "00000000023523ED", "14050471", Algorithm.SHA1),
                vector(1111111111L, "00000000023523ED", "67062674", Algorithm.SHA256),
                vector(1111111111L, "00000000023523ED", "99943326", Algorithm.SHA512),
                vector(1234567890L, "000000000273EF07", "89005924", Algorithm.SHA1),
                vector(1234567890L, "000000000273EF07", "91819424", Algorithm.SHA256),
                vector(1234567890L, "000000000273EF07", "93441116", Algorithm.SHA512),
                vector(2000000000L, "0000000003F940AA", "69279037", Algorithm.SHA1),
                vector(2000000000L, "0000000003F940AA", "90698825", Algorithm.SHA256),
                vector(2000000000L, "0000000003F940AA", "38618901", Algorithm.SHA512),
                vector(20000000000L, "0000000027BC86AA", "65353130", Algorithm.SHA1),
                vector(20000000000L, "0000000027BC86AA", "77737706", Algorithm.SHA256),
                vector(20000000000L, "0000000027BC86AA", "47863826", Algorithm.SHA512));
    }

    @ParameterizedTest(name = "{3} at {0}")
    @MethodSource("rfc6238Vectors")
    void codeMatchesRfc6238AppendixB(long unixTime, String stepHex, String expected, Algorithm algorithm) {
        Totp totp = new Totp(algorithm, 8, Duration.ofSeconds(30));
        Instant at = Instant.ofEpochSecond(unixTime);

        assertThat(totp.step(at)).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(totp.code(seed(algorithm), at)).isEqualTo(expected);
    }

    @Test
    void hotpMatchesRfc4226AppendixD() {
        List<String> expected = List.of("755224", "287082", "359152", "969429", "338314", "254676", "287922",
                "162583", "399871", "520489");

        for (int counter = 0; counter < expected.size(); counter++) {
            assertThat(Totp.STANDARD.hotp(SEED_SHA1, counter)).as("counter %d", counter)
                    .isEqualTo(expected.get(counter));
        }
    }

    @Test
    void matchingStepWhenCodeOfNowThenNowsStep() {
        String code = Totp.STANDARD.code(SEED_SHA1, NOW);

        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, code, NOW)).hasValue(Totp.STANDARD.step(NOW));
    }

    @Test
    void matchingStepWhenCodeOneStepOffEitherWayThenThatStep() {
        String previous = Totp.STANDARD.code(SEED_SHA1, NOW.minusSeconds(30));
        String next = Totp.STANDARD.code(SEED_SHA1, NOW.plusSeconds(30));

        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, previous, NOW)).hasValue(Totp.STANDARD.step(NOW) - 1);
        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, next, NOW)).hasValue(Totp.STANDARD.step(NOW) + 1);
    }

    @Test
    void matchingStepWhenCodeTwoStepsOffEitherWayThenNone() {
        String early = Totp.STANDARD.code(SEED_SHA1, NOW.minusSeconds(60));
        String late = Totp.STANDARD.code(SEED_SHA1, NOW.plusSeconds(60));

        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, early, NOW)).isEmpty();
        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, late, NOW)).isEmpty();
    }

    @Test
    void matchingStepIgnoresTheSpaceAppsShowButNothingElse() {
        String code = Totp.STANDARD.code(SEED_SHA1, NOW);

        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, code.substring(0, 3) + " " + code.substring(3), NOW))
                .isPresent();
        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, code + "0", NOW)).isEmpty();
        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, code.substring(1), NOW)).isEmpty();
        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, "", NOW)).isEmpty();
        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, null, NOW)).isEmpty();
    }

    @Test
    void matchingStepWhenOtherSecretThenNone() {
        String code = Totp.STANDARD.code(SEED_SHA256, NOW);

        assertThat(Totp.STANDARD.matchingStep(SEED_SHA1, code, NOW)).isEmpty();
    }

    @Test
    void codeKeepsLeadingZeros() {
        // RFC 6238's SHA-1 code at 1111111109 is 07081804: the zero is part of the code, not dropped.
        Totp eight = new Totp(Algorithm.SHA1, 8, Duration.ofSeconds(30));

        assertThat(eight.code(SEED_SHA1, Instant.ofEpochSecond(1111111109L))).hasSize(8).startsWith("0");
    }

    private static Arguments vector(long unixTime, String stepHex, String code, Algorithm algorithm) {
        return Arguments.of(unixTime, stepHex, code, algorithm);
    }

    private static byte[] seed(Algorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
