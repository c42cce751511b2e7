package dev.gatehouse.sigv4;

import java.util.Objects;

/**
 * A secret access key that keeps the signing key it last derived, for callers that hold on to their
 * credentials (such as a cache of unsealed session tokens): verifying with it needs neither the key
 * derivation nor a look-up in the shared {@link SigningKeyCache}. Clients sign for one scope a day, so
 * one remembered scope is enough. Holds secret material: it never prints it.
 */
public final class SigningSecret {

    private record Derived(CredentialScope scope, KeyedMacs macs) {
    }

    private final String secretAccessKey;
    /** Replaced whole when the scope changes; a race derives twice, harmlessly. */
    private volatile Derived latest;

    public SigningSecret(String secretAccessKey) {
        this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    KeyedMacs keyedMacs(CredentialScope scope) {
        Derived derived = latest;
        if (derived == null || !derived.scope().equals(scope)) {
            derived = new Derived(scope, new KeyedMacs(SigningKeyDerivation.derive(secretAccessKey, scope)));
            latest = derived;
        }
        return derived.macs();
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
