package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour of {@link SigV4Verifier} around the happy path. The fixed request and signatures are the
 * official suite's get-vanilla case (header and query forms), so they need no signer.
 */
class SigV4VerifierTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final CredentialScope SCOPE = new CredentialScope("20150830", "us-east-1", "service");
    private static final String CREDENTIAL = ACCESS_KEY_ID + "/20150830/us-east-1/service/aws4_request";
    private static final String HEADER_SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    private static final String VANILLA_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
            + ", SignedHeaders=host;x-amz-date, Signature=" + HEADER_SIGNATURE;
    private static final String PRESIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request"
            + "&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600"
            + "&X-Amz-Signature=e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d";
    private static final SecretLookup KNOWS_EXAMPLE_KEY =
            (id, token) -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty();

    private final SigV4Verifier verifier = new SigV4Verifier(new SigningKeyCache(8), SKEW);

    private static ReceivedRequest headerSigned(String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.amazonaws.com"));
        headers.put("X-Amz-Date", List.of("20150830T123600Z"));
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        return new ReceivedRequest("GET", "/", null, headers, null);
    }

    private static ReceivedRequest presigned(String query) {
        return new ReceivedRequest("GET", "/", query, Map.of("Host", List.of("example.amazonaws.com")), null);
    }

    private static ReceivedRequest withDate(String name, String value) {
        return new ReceivedRequest("GET", "/", null,
                Map.of("Host", List.of("example.amazonaws.com"), name, List.of(value)), null);
    }

    private VerifiedRequest verify(ReceivedRequest request, Instant now) throws SigV4Exception {
        return verifier.verify(request, KNOWS_EXAMPLE_KEY, now);
    }

    private static void assertRejected(ThrowingCallable call, Reason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(messagePart).doesNotContain(SECRET);
        });
    }

    @Test
    void acceptsAHeaderSignedRequest() throws SigV4Exception {
        assertThat(verify(headerSigned(VANILLA_AUTHORIZATION), SIGNED_AT))
                .isEqualTo(new VerifiedRequest(ACCESS_KEY_ID, null, SCOPE, SIGNED_AT));
    }

    @Test
    void acceptsAPresignedRequest() throws SigV4Exception {
        assertThat(verify(presigned(PRESIGNED_QUERY), SIGNED_AT))
                .isEqualTo(new VerifiedRequest(ACCESS_KEY_ID, null, SCOPE, SIGNED_AT));
    }

    @Test
    void matchesHeaderNamesCaseInsensitively() throws SigV4Exception {
        ReceivedRequest request = new ReceivedRequest("GET", "/", null, Map.of(
                "HOST", List.of("example.amazonaws.com"),
                "x-amz-date", List.of("20150830T123600Z"),
                "authorization", List.of(VANILLA_AUTHORIZATION)), null);
        assertThat(verify(request, SIGNED_AT).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
    }

    @Test
    void acceptsRequestsAtTheEdgesOfTheSkewWindow() throws SigV4Exception {
        assertThat(verify(headerSigned(VANILLA_AUTHORIZATION), SIGNED_AT.plus(SKEW)).signedAt()).isEqualTo(SIGNED_AT);
        assertThat(verify(headerSigned(VANILLA_AUTHORIZATION), SIGNED_AT.minus(SKEW)).signedAt()).isEqualTo(SIGNED_AT);
    }

    @Test
    void rejectsARequestSignedTooLongAgo() {
        assertRejected(() -> verify(headerSigned(VANILLA_AUTHORIZATION), SIGNED_AT.plus(SKEW).plusSeconds(1)),
                Reason.REQUEST_EXPIRED, "X-Amz-Date is further in the past than the allowed clock skew");
    }

    @Test
    void rejectsARequestSignedTooFarInTheFuture() {
        assertRejected(() -> verify(headerSigned(VANILLA_AUTHORIZATION), SIGNED_AT.minus(SKEW).minusSeconds(1)),
                Reason.REQUEST_EXPIRED, "X-Amz-Date is further in the future than the allowed clock skew");
    }

    @Test
    void acceptsAPresignedRequestUntilItExpires() throws SigV4Exception {
        assertThat(verify(presigned(PRESIGNED_QUERY), SIGNED_AT.plusSeconds(3600)).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
    }

    @Test
    void rejectsAnExpiredPresignedRequest() {
        assertRejected(() -> verify(presigned(PRESIGNED_QUERY), SIGNED_AT.plusSeconds(3601)),
                Reason.REQUEST_EXPIRED, "presigned URL has expired");
    }

    @Test
    void rejectsAPresignedRequestFromTheFuture() {
        assertRejected(() -> verify(presigned(PRESIGNED_QUERY), SIGNED_AT.minus(SKEW).minusSeconds(1)),
                Reason.REQUEST_EXPIRED, "further in the future");
    }

    @Test
    void rejectsAnUnknownAccessKey() {
        assertRejected(() -> verifier.verify(headerSigned(VANILLA_AUTHORIZATION), (id, token) -> Optional.empty(), SIGNED_AT),
                Reason.UNKNOWN_ACCESS_KEY, "access key id is not known");
    }

    @Test
    void rejectsAScopeDateOtherThanTheRequestDate() {
        String authorization = VANILLA_AUTHORIZATION.replace("/20150830/", "/20150831/");
        assertRejected(() -> verify(headerSigned(authorization), SIGNED_AT),
                Reason.INVALID_CREDENTIAL_SCOPE, "credential scope date does not match X-Amz-Date");
    }

    @Test
    void rejectsAScopeWithoutTheTerminator() {
        String authorization = VANILLA_AUTHORIZATION.replace("/aws4_request", "/aws4_reqest");
        assertRejected(() -> verify(headerSigned(authorization), SIGNED_AT),
                Reason.INVALID_CREDENTIAL_SCOPE, "does not end with aws4_request");
    }

    @Test
    void rejectsARequestWithoutAuthentication() {
        assertRejected(() -> verify(headerSigned(null), SIGNED_AT), Reason.MISSING_AUTHENTICATION, "neither");
    }

    private static Arguments tc(String name, Object input, Object expected) {
        return Arguments.of(name, input, expected);
    }

    static Stream<Arguments> badAuthorizations() {
        String credential = "Credential=" + CREDENTIAL;
        String signedHeaders = "SignedHeaders=host;x-amz-date";
        String signature = "Signature=" + HEADER_SIGNATURE;
        return Stream.of(
                tc("garbage after the algorithm", "AWS4-HMAC-SHA256 garbage", Reason.MALFORMED_AUTHORIZATION),
                tc("unknown component", VANILLA_AUTHORIZATION + ", Extra=1", Reason.MALFORMED_AUTHORIZATION),
                tc("repeated component", VANILLA_AUTHORIZATION + ", " + signature, Reason.MALFORMED_AUTHORIZATION),
                tc("credential with four parts", VANILLA_AUTHORIZATION.replace("/service/", "/"), Reason.MALFORMED_AUTHORIZATION),
                tc("credential with an empty part", VANILLA_AUTHORIZATION.replace("/us-east-1/", "//"), Reason.MALFORMED_AUTHORIZATION),
                tc("scope date not yyyyMMdd", VANILLA_AUTHORIZATION.replace("/20150830/", "/2015083/"), Reason.MALFORMED_AUTHORIZATION),
                tc("upper-case signed header", VANILLA_AUTHORIZATION.replace("host;", "Host;"), Reason.MALFORMED_AUTHORIZATION),
                tc("empty signed header name", VANILLA_AUTHORIZATION.replace("host;", "host;;"), Reason.MALFORMED_AUTHORIZATION),
                tc("algorithm only", "AWS4-HMAC-SHA256", Reason.INCOMPLETE_SIGNATURE),
                tc("no signature", "AWS4-HMAC-SHA256 " + credential + ", " + signedHeaders, Reason.INCOMPLETE_SIGNATURE),
                tc("no credential", "AWS4-HMAC-SHA256 " + signedHeaders + ", " + signature, Reason.INCOMPLETE_SIGNATURE),
                tc("empty signature", "AWS4-HMAC-SHA256 " + credential + ", " + signedHeaders + ", Signature=", Reason.INCOMPLETE_SIGNATURE),
                tc("host not signed", VANILLA_AUTHORIZATION.replace("host;", ""), Reason.INCOMPLETE_SIGNATURE),
                tc("SigV2", "AWS AKIDEXAMPLE:c2lnbmF0dXJl", Reason.UNSUPPORTED_ALGORITHM),
                tc("SigV4a", VANILLA_AUTHORIZATION.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"), Reason.UNSUPPORTED_ALGORITHM),
                tc("no space after commas is fine but wrong signature",
                        "AWS4-HMAC-SHA256 " + credential + "," + signedHeaders + ",Signature=" + "0".repeat(64), Reason.SIGNATURE_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthorizations")
    void rejectsABadAuthorizationHeader(String name, String authorization, Reason reason) {
        assertThatThrownBy(() -> verify(headerSigned(authorization), SIGNED_AT)).as(name)
                .isInstanceOfSatisfying(SigV4Exception.class, e -> assertThat(e.reason()).as(name).isEqualTo(reason));
    }

    static Stream<Arguments> badPresignedQueries() {
        return Stream.of(
                tc("no algorithm", PRESIGNED_QUERY.replace("X-Amz-Algorithm=AWS4-HMAC-SHA256&", ""), Reason.INCOMPLETE_SIGNATURE),
                tc("no expiry", PRESIGNED_QUERY.replace("&X-Amz-Expires=3600", ""), Reason.INCOMPLETE_SIGNATURE),
                tc("no signature", PRESIGNED_QUERY.replaceAll("&X-Amz-Signature=[0-9a-f]+", "&X-Amz-Signature="), Reason.INCOMPLETE_SIGNATURE),
                tc("expiry beyond seven days", PRESIGNED_QUERY.replace("X-Amz-Expires=3600", "X-Amz-Expires=604801"), Reason.MALFORMED_AUTHORIZATION),
                tc("negative expiry", PRESIGNED_QUERY.replace("X-Amz-Expires=3600", "X-Amz-Expires=-1"), Reason.MALFORMED_AUTHORIZATION),
                tc("repeated date", PRESIGNED_QUERY + "&X-Amz-Date=20150830T123600Z", Reason.MALFORMED_AUTHORIZATION),
                tc("date in extended format", PRESIGNED_QUERY.replace("20150830T123600Z", "2015-08-30T12:36:00Z"), Reason.MALFORMED_AUTHORIZATION),
                tc("other algorithm", PRESIGNED_QUERY.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"), Reason.UNSUPPORTED_ALGORITHM),
                tc("extra unsigned parameter", PRESIGNED_QUERY + "&injected=1", Reason.SIGNATURE_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPresignedQueries")
    void rejectsABadPresignedQuery(String name, String query, Reason reason) {
        assertThatThrownBy(() -> verify(presigned(query), SIGNED_AT)).as(name)
                .isInstanceOfSatisfying(SigV4Exception.class, e -> assertThat(e.reason()).as(name).isEqualTo(reason));
    }

    @Test
    void rejectsBothFormsAtOnce() {
        ReceivedRequest both = TestSigner.withHeader(presigned(PRESIGNED_QUERY), "Authorization", VANILLA_AUTHORIZATION);
        assertRejected(() -> verify(both, SIGNED_AT), Reason.MALFORMED_AUTHORIZATION, "both");
    }

    @Test
    void rejectsARequestWithoutADate() {
        ReceivedRequest request = new ReceivedRequest("GET", "/", null, Map.of(
                "Host", List.of("example.amazonaws.com"), "Authorization", List.of(VANILLA_AUTHORIZATION)), null);
        assertRejected(() -> verify(request, SIGNED_AT), Reason.INCOMPLETE_SIGNATURE, "neither an X-Amz-Date nor a Date");
    }

    @Test
    void rejectsAMissingSignedHeader() {
        String authorization = VANILLA_AUTHORIZATION.replace("host;x-amz-date", "host;my-header;x-amz-date");
        assertRejected(() -> verify(headerSigned(authorization), SIGNED_AT),
                Reason.SIGNATURE_MISMATCH, "signed header 'my-header' missing from request");
    }

    @Test
    void mismatchMessageLeaksNeitherSecretNorExpectedSignature() {
        String forged = VANILLA_AUTHORIZATION.replace(HEADER_SIGNATURE, OfficialSigV4SuiteTest.flipLastHexDigit(HEADER_SIGNATURE));
        assertThatThrownBy(() -> verify(headerSigned(forged), SIGNED_AT))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
                    assertThat(e.getMessage()).isEqualTo("signature does not match")
                            .doesNotContain(HEADER_SIGNATURE).doesNotContain(SECRET);
                });
    }

    @Test
    void letsLookupExceptionsPropagateUnchanged() {
        IllegalStateException storeDown = new IllegalStateException("credential store unavailable");
        SecretLookup failing = (id, token) -> {
            throw storeDown;
        };
        assertThatThrownBy(() -> verifier.verify(headerSigned(VANILLA_AUTHORIZATION), failing, SIGNED_AT)).isSameAs(storeDown);
    }

    @Test
    void passesTheSessionTokenToTheLookupAndReturnsIt() throws SigV4Exception {
        // Unsigned X-Amz-Security-Token header, as in the suite's post-sts-header-after case.
        ReceivedRequest request = TestSigner.withHeader(headerSigned(VANILLA_AUTHORIZATION), "X-Amz-Security-Token", "token-1");
        SecretLookup needsToken = (id, token) -> "token-1".equals(token) ? KNOWS_EXAMPLE_KEY.secretFor(id, token) : Optional.empty();
        assertThat(verifier.verify(request, needsToken, SIGNED_AT).sessionToken()).isEqualTo("token-1");
    }

    @Test
    void acceptsTheDateHeaderInRfc1123Form() throws SigV4Exception {
        ReceivedRequest request = TestSigner.sign(withDate("Date", "Sun, 30 Aug 2015 12:36:00 GMT"),
                ACCESS_KEY_ID, SECRET, SCOPE, "date;host");
        assertThat(verify(request, SIGNED_AT).signedAt()).isEqualTo(SIGNED_AT);
    }

    @Test
    void rejectsAnUnparseableDateHeader() {
        assertRejected(() -> verify(TestSigner.withHeader(withDate("Date", "yesterday"), "Authorization", VANILLA_AUTHORIZATION), SIGNED_AT),
                Reason.MALFORMED_AUTHORIZATION, "Date header");
    }

    @Test
    void acceptsAnUnsignedPayload() throws SigV4Exception {
        ReceivedRequest unsigned = new ReceivedRequest("PUT", "/", null, Map.of(
                "Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z"),
                "X-Amz-Content-Sha256", List.of("UNSIGNED-PAYLOAD")), "any body".getBytes(StandardCharsets.UTF_8));
        ReceivedRequest signed = TestSigner.sign(unsigned, ACCESS_KEY_ID, SECRET, SCOPE, "host;x-amz-content-sha256;x-amz-date");
        assertThat(verify(signed, SIGNED_AT).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
    }

    @Test
    void rejectsABodyThatDoesNotMatchTheClaimedHash() {
        ReceivedRequest request = new ReceivedRequest("POST", "/", null, Map.of(
                "Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z"),
                "X-Amz-Content-Sha256", List.of(Hashing.sha256Hex("signed body")),
                "Authorization", List.of(VANILLA_AUTHORIZATION)), "replaced body".getBytes(StandardCharsets.UTF_8));
        assertRejected(() -> verify(request, SIGNED_AT), Reason.PAYLOAD_HASH_MISMATCH, "does not match the request body");
    }

    @Test
    void rejectsStreamingPayloads() {
        ReceivedRequest request = TestSigner.withHeader(headerSigned(VANILLA_AUTHORIZATION),
                "X-Amz-Content-Sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        assertRejected(() -> verify(request, SIGNED_AT), Reason.PAYLOAD_HASH_MISMATCH, "streaming is not supported");
    }
}
