package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verifying with a {@link SigningSecret} the caller keeps, the path that skips the shared signing-key cache. */
class SigningSecretTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    /** The official suite's get-vanilla signature. */
    private static final String VANILLA_SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    private final SigningSecret signingSecret = new SigningSecret(SECRET);
    private final SigningSecretLookup lookup =
            (id, token) -> ACCESS_KEY_ID.equals(id) ? Optional.of(signingSecret) : Optional.empty();
    private final SigV4Verifier verifier = new SigV4Verifier(new SigningKeyCache(1), Duration.ofMinutes(15));

    @Test
    void verifyWithSigningSecretsWhenSignedWithTheSecretThenVerifiedEveryTime() throws SigV4Exception {
        for (int i = 0; i < 3; i++) {
            VerifiedRequest verified = verifier.verifyWithSigningSecrets(vanilla(VANILLA_SIGNATURE), lookup, NOW);

            assertThat(verified.accessKeyId()).isEqualTo(ACCESS_KEY_ID);
        }
    }

    @Test
    void verifyWithSigningSecretsWhenAMismatchCameBetweenThenTheNextGoodRequestStillVerifies() throws SigV4Exception {
        String wrong = VANILLA_SIGNATURE.substring(0, 63) + "0";

        assertThatThrownBy(() -> verifier.verifyWithSigningSecrets(vanilla(wrong), lookup, NOW))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
        assertThat(verifier.verifyWithSigningSecrets(vanilla(VANILLA_SIGNATURE), lookup, NOW).accessKeyId())
                .isEqualTo(ACCESS_KEY_ID);
    }

    @Test
    void verifyWithSigningSecretsWhenTheLookupKnowsNoSecretThenUnknownAccessKey() {
        assertThatThrownBy(() -> verifier.verifyWithSigningSecrets(vanilla(VANILLA_SIGNATURE),
                (id, token) -> Optional.empty(), NOW))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCESS_KEY));
    }

    @Test
    void verifyWithSigningSecretsWhenTheSecretIsAnotherThenSignatureMismatch() {
        SigningSecret other = new SigningSecret(SECRET + "x");

        assertThatThrownBy(() -> verifier.verifyWithSigningSecrets(vanilla(VANILLA_SIGNATURE),
                (id, token) -> Optional.of(other), NOW))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void verifyWithSigningSecretsWhenTheScopeChangesThenTheKeyForTheNewScopeIsUsed() throws SigV4Exception {
        CredentialScope otherService = new CredentialScope("20150830", "eu-west-1", "iam");
        ReceivedRequest forIam = TestSigner.sign(unsigned(), ACCESS_KEY_ID, SECRET, otherService, "host;x-amz-date");

        verifier.verifyWithSigningSecrets(vanilla(VANILLA_SIGNATURE), lookup, NOW);
        assertThat(verifier.verifyWithSigningSecrets(forIam, lookup, NOW).scope()).isEqualTo(otherService);
        assertThat(verifier.verifyWithSigningSecrets(vanilla(VANILLA_SIGNATURE), lookup, NOW).scope().service())
                .isEqualTo("service");
    }

    @Test
    void toStringWhenPrintedThenTheSecretDoesNotShow() {
        assertThat(signingSecret.toString()).doesNotContain(SECRET);
    }

    @Test
    void equalsLowerCaseHexWhenTheClaimIsNotExactlyTheLowerCaseHexThenFalse() {
        byte[] expected = {(byte) 0xab, 0x01};

        assertThat(KeyedMacs.equalsLowerCaseHex(expected, "ab01")).isTrue();
        assertThat(KeyedMacs.equalsLowerCaseHex(expected, "AB01")).isFalse();
        assertThat(KeyedMacs.equalsLowerCaseHex(expected, "ab02")).isFalse();
        assertThat(KeyedMacs.equalsLowerCaseHex(expected, "ab0g")).isFalse();
        assertThat(KeyedMacs.equalsLowerCaseHex(expected, "ab0")).isFalse();
    }

    @Test
    void slotPoolWhenAnObjectWasGivenBackThenTheNextTakeReusesItAndAnEmptyPoolMakesNew() {
        SlotPool<Object> pool = new SlotPool<>(2, Object::new);
        Object first = pool.take();
        Object second = pool.take();

        assertThat(second).isNotSameAs(first);
        pool.give(first);
        assertThat(pool.take()).isSameAs(first);
        assertThat(pool.take()).isNotSameAs(first).isNotSameAs(second);
    }

    private static ReceivedRequest unsigned() {
        return new ReceivedRequest("GET", "/", null, Map.of("Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z")), null);
    }

    private static ReceivedRequest vanilla(String signature) {
        return TestSigner.withHeader(unsigned(), "Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID
                + "/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + signature);
    }
}
