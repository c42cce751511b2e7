package dev.gatehouse.sigv4;

import java.util.Optional;

/**
 * Finds the secret access key for an access key id. Any RuntimeException it throws reaches the caller of
 * {@link SigV4Verifier#verify} unchanged, so storage failures are not mistaken for bad signatures.
 */
@FunctionalInterface
public interface SecretLookup {

    /**
     * @param accessKeyId  the access key id named in the credential scope
     * @param sessionToken the {@code X-Amz-Security-Token} sent with the request, or {@code null}
     * @return the secret access key, or empty if the key (or key and token pair) is unknown
     */
    Optional<String> secretFor(String accessKeyId, String sessionToken);
}
