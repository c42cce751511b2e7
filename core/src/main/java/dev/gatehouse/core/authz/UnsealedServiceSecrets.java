package dev.gatehouse.core.authz;

import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.sigv4.SigningSecret;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Service credentials' secrets as unsealed, with their signing keys, so that a service calling again skips the unseal
 * and the key derivation. Not a source of truth: the credential is looked up first on every call (a deleted one is
 * refused there), and an entry answers only for the very sealed secret and the very sealer it came from, so a
 * replaced row or a new key set unseals again. It holds secret material, as the signing-key cache does.
 */
final class UnsealedServiceSecrets {

    private record Unsealed(String sealedSecret, SecretSealer sealer, SigningSecret secret) { }

    private final int maxEntries;
    private final ConcurrentHashMap<String, Unsealed> byAccessKeyId = new ConcurrentHashMap<>();

    UnsealedServiceSecrets(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** @param unseal the secret of {@code credential} under {@code sealer}, when it is not known yet */
    SigningSecret of(ServiceCredential credential, SecretSealer sealer, Function<SecretSealer, String> unseal) {
        Unsealed known = byAccessKeyId.get(credential.accessKeyId());
        if (known != null && known.sealer() == sealer && known.sealedSecret().equals(credential.sealedSecret())) {
            return known.secret();
        }
        SigningSecret secret = new SigningSecret(unseal.apply(sealer));
        if (byAccessKeyId.size() >= maxEntries) {
            byAccessKeyId.clear();   // services are few; a full map means churn, and starting over is always safe
        }
        byAccessKeyId.put(credential.accessKeyId(), new Unsealed(credential.sealedSecret(), sealer, secret));
        return secret;
    }
}
