package dev.gatehouse.sigv4;

import java.util.Optional;

/**
 * Like {@link SecretLookup}, for callers that keep a {@link SigningSecret} per credential between requests.
 * Any RuntimeException it throws reaches the caller of {@link SigV4Verifier#verifyWithSigningSecrets} unchanged.
 */
@FunctionalInterface
public interface SigningSecretLookup {

    /**
     * @param accessKeyId  the access key id named in the credential scope
     * @param sessionToken the {@code X-Amz-Security-Token} sent with the request, or {@code null}
     * @return the signing secret, or empty if the key (or key and token pair) is unknown
     */
    Optional<SigningSecret> signingSecretFor(String accessKeyId, String sessionToken);
}
