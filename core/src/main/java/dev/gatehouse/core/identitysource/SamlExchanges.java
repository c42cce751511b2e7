package dev.gatehouse.core.identitysource;

import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.storage.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * What Gatehouse remembers as a SAML service provider: its signing key (made once, private key sealed), the
 * AuthnRequests it sent until they are answered or expire (InResponseTo), and the assertions already used until they
 * expire (replay). The XML itself is the server's business ({@code server/idp/saml}).
 */
public final class SamlExchanges {

    /** How long a person has at the IdP's sign-in page before the answer is refused. */
    public static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    private static final String SP_KEY = "identity-source:saml-sp-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key pair the server made: PKCS#8 private key and its self-signed certificate (base64 DER). */
    public record NewKey(byte[] privateKey, String certificate) { }

    /** The key in use, private key unsealed. */
    public record SpCredential(byte[] privateKey, String certificate) { }

    private final IdentitySourceRepository repository;
    private final Transactions transactions;
    private final Clock clock;
    private final Supplier<SecretSealer> sealers;

    public SamlExchanges(IdentitySourceRepository repository, Transactions transactions, Clock clock,
                         Supplier<SecretSealer> sealers) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.sealers = sealers;
    }

    /** The signing key, made with {@code generator} the first time it is needed. */
    public SpCredential spCredential(Supplier<NewKey> generator) {
        SamlSpKey stored = repository.samlSpKey().orElseGet(() -> {
            NewKey made = generator.get();
            String sealed = sealers.get().seal(made.privateKey(), SP_KEY);
            return transactions.inTransaction(() -> repository.insertSamlSpKeyIfAbsent(
                    new SamlSpKey(sealed, made.certificate(), clock.instant())));
        });
        return new SpCredential(sealers.get().unseal(stored.sealedPrivateKey(), SP_KEY), stored.certificate());
    }

    /** A fresh AuthnRequest ID, remembered until answered or {@link #REQUEST_LIFETIME} passes. */
    public String newRequestId() {
        byte[] random = new byte[20];
        RANDOM.nextBytes(random);
        // An xs:ID must not start with a digit.
        String id = "_" + HexFormat.of().formatHex(random);
        repository.insertSamlRequest(id, clock.instant().plus(REQUEST_LIFETIME));
        return id;
    }

    /** True once for a request Gatehouse sent that has not expired; every later call for it is false. */
    public boolean answered(String requestId) {
        return requestId != null && transactions.inTransaction(() ->
                repository.takeSamlRequest(requestId, clock.instant()));
    }

    /** True the first time an assertion is used; false for a replay while it is still valid. */
    public boolean firstUse(String issuer, String assertionId, Instant expiresAt) {
        return transactions.inTransaction(() -> repository.rememberAssertion(issuer, assertionId, expiresAt));
    }
}
