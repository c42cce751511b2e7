package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gatehouse.sigv4.SigningTestSuite.Case;
import dev.gatehouse.sigv4.SigningTestSuite.Form;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the official AWS SigV4 test suite through each verifier stage. The stages start from
 * the suite's signed request, parsed as a server would receive it, so the canonical request is derived
 * from what arrived rather than from the signer's inputs.
 */
class OfficialSigV4SuiteTest {

    private static final String CANONICAL_REQUEST = "canonical-request";
    private static final String STRING_TO_SIGN = "string-to-sign";
    private static final String SIGNATURE = "signature";
    private static final String SIGNED_REQUEST = "signed-request";

    /**
     * The files a plain SigV4 case may hold. SigV4a (asymmetric, ECDSA) vectors are published in a separate
     * v4a directory; any SigV4a file found here is skipped because this verifier only speaks
     * AWS4-HMAC-SHA256. Anything else unexpected fails, so a change in the suite's layout is noticed.
     */
    private static final Set<String> KNOWN_FILES = knownFiles();

    @TestFactory
    Stream<DynamicNode> officialSuite() {
        Path suite = SigningTestSuite.locate();
        List<Case> cases = SigningTestSuite.cases(suite);
        assertThat(cases).as("test cases under %s", suite).isNotEmpty();
        return cases.stream().map(c -> dynamicContainer(c.name(), caseTests(c)));
    }

    private static Stream<DynamicNode> caseTests(Case c) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("holds only known SigV4 files", () -> assertOnlyKnownFiles(c)));
        List<Form> forms = Arrays.stream(Form.values()).filter(c::has).toList();
        if (forms.isEmpty()) {
            tests.add(dynamicTest("has a signed request", () -> fail("%s: no header- or query-signed-request.txt", c)));
        }
        for (Form form : forms) {
            tests.add(dynamicContainer(form.prefix + " form", formTests(c, form)));
        }
        return tests.stream();
    }

    private static Stream<DynamicTest> formTests(Case c, Form form) {
        List<DynamicTest> tests = new ArrayList<>();
        // A case lacking an expected intermediate file still gets the remaining stages checked.
        c.text(form, CANONICAL_REQUEST).ifPresent(expected -> tests.add(dynamicTest("(a) canonical request",
                () -> assertThat(canonicalRequest(c, form).text())
                        .as("%s [%s] canonical request", c, form.prefix).isEqualTo(expected))));
        c.text(form, STRING_TO_SIGN).ifPresent(expected -> tests.add(dynamicTest("(b) string to sign",
                () -> assertThat(stringToSign(c, form))
                        .as("%s [%s] string to sign", c, form.prefix).isEqualTo(expected))));
        c.text(form, SIGNATURE).ifPresent(expected -> tests.add(dynamicTest("(c) signature",
                () -> assertThat(signature(c, form))
                        .as("%s [%s] signature", c, form.prefix).isEqualTo(expected.strip()))));
        tests.add(dynamicTest("(d) verify accepts the signed request", () -> assertAccepted(c, form)));
        tests.add(dynamicTest("(e) verify rejects a flipped signature byte", () -> assertFlippedRejected(c, form)));
        return tests.stream();
    }

    private static CanonicalRequest canonicalRequest(Case c, Form form) throws SigV4Exception {
        ParsedRequest parsed = ParsedRequest.of(signedRequest(c, form));
        CanonicalRequest canonical = CanonicalRequest.of(parsed, SignatureClaim.of(parsed), c.options());
        if (form == Form.QUERY && c.omitSessionToken()) {
            // The suite appended the token after signing; the verifier tolerates exactly this variant.
            return canonical.withQuery(CanonicalQueryString.of(parsed.query(),
                    PresignedQueryClaim.UNSIGNED_WHEN_TOKEN_ADDED_AFTER_SIGNING));
        }
        return canonical;
    }

    private static String stringToSign(Case c, Form form) throws SigV4Exception {
        SignatureClaim claim = SignatureClaim.of(ParsedRequest.of(signedRequest(c, form)));
        return StringToSign.of(claim.signedAt(), claim.credential().scope(), canonicalRequest(c, form));
    }

    private static String signature(Case c, Form form) throws SigV4Exception {
        SignatureClaim claim = SignatureClaim.of(ParsedRequest.of(signedRequest(c, form)));
        byte[] key = SigningKeyDerivation.derive(c.secretAccessKey(), claim.credential().scope());
        return RequestSignature.compute(key, stringToSign(c, form));
    }

    private static void assertAccepted(Case c, Form form) {
        VerifiedRequest verified;
        try {
            verified = verifier(c).verify(signedRequest(c, form), secrets(c), c.timestamp());
        } catch (SigV4Exception e) {
            throw new AssertionError(c + " [" + form.prefix + "] verify rejected the signed request at stage "
                    + e.reason() + ": " + e.getMessage(), e);
        }
        assertThat(verified.accessKeyId()).as("%s [%s] verified access key id", c, form.prefix).isEqualTo(c.accessKeyId());
        assertThat(verified.scope()).as("%s [%s] verified scope", c, form.prefix)
                .isEqualTo(new CredentialScope("20150830", c.region(), c.service()));
        assertThat(verified.signedAt()).as("%s [%s] verified signing time", c, form.prefix).isEqualTo(c.timestamp());
        assertThat(verified.sessionToken()).as("%s [%s] verified session token", c, form.prefix).isEqualTo(c.sessionToken());
    }

    private static void assertFlippedRejected(Case c, Form form) throws SigV4Exception {
        Optional<String> expected = c.text(form, SIGNATURE).map(String::strip);
        String signature = expected.isPresent() ? expected.get()
                : SignatureClaim.of(ParsedRequest.of(signedRequest(c, form))).signature();
        String file = new String(c.bytes(form, SIGNED_REQUEST), StandardCharsets.UTF_8);
        assertThat(file).as("%s [%s] signed request carries the signature once", c, form.prefix).containsOnlyOnce(signature);
        ReceivedRequest tampered = HttpRequestText.parse(
                file.replace(signature, flipLastHexDigit(signature)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier(c).verify(tampered, secrets(c), c.timestamp()))
                .as("%s [%s] verify with one signature byte flipped", c, form.prefix)
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.reason()).as("%s [%s] rejection reason", c, form.prefix)
                                .isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    /** Changes one byte while keeping it a hex digit, so only the signature comparison can object. */
    static String flipLastHexDigit(String signature) {
        int last = signature.length() - 1;
        int digit = Character.digit(signature.charAt(last), 16);
        return signature.substring(0, last) + Character.forDigit((digit + 1) % 16, 16);
    }

    private static SigV4Verifier verifier(Case c) {
        return new SigV4Verifier(new SigningKeyCache(16), Duration.ofMinutes(15), c.options());
    }

    /** Knows only the case's credentials, and insists on the session token the case was signed with. */
    private static SecretLookup secrets(Case c) {
        return (accessKeyId, sessionToken) -> c.accessKeyId().equals(accessKeyId)
                && Objects.equals(c.sessionToken(), sessionToken) ? Optional.of(c.secretAccessKey()) : Optional.empty();
    }

    private static ReceivedRequest signedRequest(Case c, Form form) {
        return HttpRequestText.parse(c.bytes(form, SIGNED_REQUEST));
    }

    private static void assertOnlyKnownFiles(Case c) throws IOException {
        try (Stream<Path> files = Files.list(c.dir())) {
            List<String> unexpected = files.map(f -> f.getFileName().toString())
                    .filter(name -> !KNOWN_FILES.contains(name))
                    .filter(name -> !isSigV4a(name))
                    .toList();
            assertThat(unexpected).as("%s: files this test does not understand", c).isEmpty();
        }
    }

    private static boolean isSigV4a(String fileName) {
        return fileName.contains("asymmetric") || fileName.contains("v4a") || fileName.startsWith("public-key");
    }

    private static Set<String> knownFiles() {
        List<String> names = new ArrayList<>(List.of("context.json", "request.txt"));
        for (Form form : Form.values()) {
            for (String stage : List.of(CANONICAL_REQUEST, STRING_TO_SIGN, SIGNATURE, SIGNED_REQUEST)) {
                names.add(form.prefix + "-" + stage + ".txt");
            }
        }
        return Set.copyOf(names);
    }
}
