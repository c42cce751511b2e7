package dev.gatehouse.sigv4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs requests for the unit tests in the header form, reusing the verifier's own stages. That is circular
 * on purpose: the official suite proves the stages right, and these tests only need valid signatures for
 * requests the suite does not cover (Date header, UNSIGNED-PAYLOAD).
 */
final class TestSigner {

    private static final String PLACEHOLDER = "0".repeat(64);

    private TestSigner() {
    }

    /** Adds an Authorization header to a request that already carries its date header. */
    static ReceivedRequest sign(ReceivedRequest unsigned, String accessKeyId, String secret, CredentialScope scope,
            String signedHeaders) throws SigV4Exception {
        String prefix = "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope.scopeString()
                + ", SignedHeaders=" + signedHeaders + ", Signature=";
        ParsedRequest parsed = ParsedRequest.of(withHeader(unsigned, "Authorization", prefix + PLACEHOLDER));
        SignatureClaim claim = SignatureClaim.of(parsed);
        String stringToSign = StringToSign.of(claim.signedAt(), scope,
                CanonicalRequest.of(parsed, claim, CanonicalizationOptions.STANDARD));
        String signature = RequestSignature.compute(SigningKeyDerivation.derive(secret, scope), stringToSign);
        return withHeader(unsigned, "Authorization", prefix + signature);
    }

    static ReceivedRequest withHeader(ReceivedRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.computeIfAbsent(name, n -> new ArrayList<>());
        headers.compute(name, (n, values) -> {
            List<String> copy = new ArrayList<>(values);
            copy.add(value);
            return copy;
        });
        return new ReceivedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }
}
