package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whatever arrives on the wire, the verifier answers with a verified request or a {@link SigV4Exception};
 * any other exception would surface as a 5xx. The fuzzer picks between arbitrary text and text shaped like
 * the real thing around its own pieces, so inputs also get past the parsing stages into canonicalization.
 */
class SigV4VerifierFuzzTest {

    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    private static final SecretLookup KNOWS_EVERY_KEY = (id, token) -> Optional.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final List<String> HEADER_NAMES = List.of("Host", "X-Amz-Date", "Date", "X-Amz-Security-Token",
            "X-Amz-Content-Sha256", "Content-Type", "authorization");

    private final SigV4Verifier standard = new SigV4Verifier(new SigningKeyCache(8), Duration.ofMinutes(15));
    private final SigV4Verifier unnormalized = new SigV4Verifier(new SigningKeyCache(8), Duration.ofMinutes(15),
            CanonicalizationOptions.UNNORMALIZED_PATH);

    @FuzzTest(maxDuration = "10s")
    void verifyFailsOnlyWithItsOwnException(FuzzedDataProvider data) {
        SigV4Verifier verifier = data.consumeBoolean() ? standard : unnormalized;
        ReceivedRequest request = data.consumeBoolean() ? headerSigned(data) : presigned(data);
        try {
            VerifiedRequest verified = verifier.verify(request, KNOWS_EVERY_KEY, NOW);
            assertThat(verified.accessKeyId()).isNotNull();
        } catch (SigV4Exception e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static ReceivedRequest headerSigned(FuzzedDataProvider data) {
        Map<String, List<String>> headers = headers(data);
        String authorization = data.consumeBoolean()
                ? data.consumeString(300)
                : "AWS4-HMAC-SHA256 Credential=" + credential(data) + ", SignedHeaders=" + data.consumeString(60)
                        + ", Signature=" + data.consumeString(70);
        headers.computeIfAbsent("Authorization", name -> new ArrayList<>()).add(authorization);
        if (data.consumeBoolean()) {
            headers.put("X-Amz-Date", List.of(amzDate(data)));
        }
        return new ReceivedRequest(data.consumeString(10), data.consumeString(100), nullable(data, 100), headers,
                data.consumeBytes(64));
    }

    private static ReceivedRequest presigned(FuzzedDataProvider data) {
        String query = data.consumeBoolean()
                ? data.consumeString(400)
                : "X-Amz-Algorithm=" + data.consumeString(20) + "&X-Amz-Credential=" + credential(data)
                        + "&X-Amz-Date=" + amzDate(data) + "&X-Amz-SignedHeaders=" + data.consumeString(40)
                        + "&X-Amz-Expires=" + data.consumeString(10) + "&X-Amz-Signature=" + data.consumeString(70)
                        + "&" + data.consumeString(60);
        return new ReceivedRequest(data.consumeString(10), data.consumeString(100), query, headers(data),
                data.consumeBytes(64));
    }

    private static Map<String, List<String>> headers(FuzzedDataProvider data) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? data.pickValue(HEADER_NAMES) : data.consumeString(20);
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(data.consumeString(60));
        }
        return headers;
    }

    /** Mostly well-formed, so that inputs get past the scope and clock checks. */
    private static String credential(FuzzedDataProvider data) {
        return data.consumeBoolean()
                ? data.consumeString(80)
                : data.consumeString(20) + "/20150830/" + data.consumeString(20) + "/aws4_request";
    }

    private static String amzDate(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.consumeString(20) : "20150830T123600Z";
    }

    private static String nullable(FuzzedDataProvider data, int maxLength) {
        return data.consumeBoolean() ? data.consumeString(maxLength) : null;
    }
}
