package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * The signing key: an HMAC chain from the secret through date, region and service. A leaked signing key
 * is only good for one scope, which is why the secret itself never signs requests.
 */
final class SigningKeyDerivation {

    private SigningKeyDerivation() {
    }

    static byte[] derive(String secretAccessKey, CredentialScope scope) {
        byte[] kDate = Hashing.hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] kRegion = Hashing.hmacSha256(kDate, scope.region());
        byte[] kService = Hashing.hmacSha256(kRegion, scope.service());
        return Hashing.hmacSha256(kService, CredentialScope.TERMINATOR);
    }
}
