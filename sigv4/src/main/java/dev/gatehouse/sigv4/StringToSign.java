package dev.gatehouse.sigv4;

/** The string to sign: algorithm, timestamp, credential scope and the canonical request's hash. */
final class StringToSign {

    private StringToSign() {
    }

    static String of(AmzDate signedAt, CredentialScope scope, CanonicalRequest canonicalRequest) {
        return SignatureClaim.ALGORITHM + '\n'
                + signedAt.basic() + '\n'
                + scope.scopeString() + '\n'
                + canonicalRequest.sha256Hex();
    }

    /** Feeds the same text as {@link #of} without building it. */
    static void appendTo(TextFeed feed, AmzDate signedAt, CredentialScope scope, CanonicalRequest canonicalRequest) {
        feed.append(SignatureClaim.ALGORITHM).append('\n')
                .append(signedAt.basic()).append('\n')
                .append(scope.date()).append('/').append(scope.region()).append('/').append(scope.service())
                .append('/').append(CredentialScope.TERMINATOR).append('\n')
                .appendHex(canonicalRequest.sha256());
        feed.flush();
    }
}
