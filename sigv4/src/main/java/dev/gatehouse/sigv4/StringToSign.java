package dev.gatehouse.sigv4;

/** The string to sign: algorithm, timestamp, credential scope and the canonical request's hash. */
final class StringToSign {

    private StringToSign() {
    }

    static String of(AmzDate signedAt, CredentialScope scope, CanonicalRequest canonicalRequest) {
        return SignatureClaim.ALGORITHM + '\n'
                + signedAt.basic() + '\n'
                + scope.scopeString() + '\n'
                + Hashing.sha256Hex(canonicalRequest.text());
    }
}
