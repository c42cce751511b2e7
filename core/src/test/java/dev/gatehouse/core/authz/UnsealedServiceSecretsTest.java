package dev.gatehouse.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.sigv4.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UnsealedServiceSecretsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private final AtomicInteger unseals = new AtomicInteger();
    private final UnsealedServiceSecrets secrets = new UnsealedServiceSecrets(8);

    private static SecretSealer sealer() {
        return new SecretSealer(List.of(new SealingKey(1, Secrets.randomBytes(32), NOW)));
    }

    private static ServiceCredential credential(String accessKeyId, SecretSealer sealer, String secret) {
        return new ServiceCredential(accessKeyId, "orders",
                sealer.seal(secret.getBytes(StandardCharsets.UTF_8), "service-credential:" + accessKeyId), NOW,
                List.of(), null);
    }

    private Function<SecretSealer, String> unsealing(ServiceCredential credential) {
        return sealer -> {
            unseals.incrementAndGet();
            return new String(sealer.unseal(credential.sealedSecret(), "service-credential:"
                    + credential.accessKeyId()), StandardCharsets.UTF_8);
        };
    }

    @Test
    void theSameCredentialUnderTheSameSealerIsUnsealedOnce() {
        SecretSealer sealer = sealer();
        ServiceCredential orders = credential("AKIAAAAAAAAAAAAAAAAA", sealer, "secret-1");

        SigningSecret first = secrets.of(orders, sealer, unsealing(orders));
        SigningSecret again = secrets.of(orders, sealer, unsealing(orders));

        assertThat(again).isSameAs(first);
        assertThat(unseals).hasValue(1);
    }

    @Test
    void aReplacedSealedSecretOrANewSealerIsUnsealedAgain() {
        SecretSealer sealer = sealer();
        ServiceCredential orders = credential("AKIAAAAAAAAAAAAAAAAA", sealer, "secret-1");
        SigningSecret first = secrets.of(orders, sealer, unsealing(orders));

        ServiceCredential replaced = credential("AKIAAAAAAAAAAAAAAAAA", sealer, "secret-2");
        assertThat(secrets.of(replaced, sealer, unsealing(replaced))).isNotSameAs(first);
        assertThat(unseals).hasValue(2);

        SecretSealer rotated = sealer();
        ServiceCredential resealed = credential("AKIAAAAAAAAAAAAAAAAA", rotated, "secret-2");
        secrets.of(resealed, rotated, unsealing(resealed));
        secrets.of(resealed, rotated, unsealing(resealed));
        assertThat(unseals).as("a new key set unseals once more, then reuses").hasValue(3);
    }

    @Test
    void credentialsAreKeptApart() {
        SecretSealer sealer = sealer();
        ServiceCredential orders = credential("AKIAAAAAAAAAAAAAAAAA", sealer, "secret-1");
        ServiceCredential billing = credential("AKIABBBBBBBBBBBBBBBB", sealer, "secret-2");

        SigningSecret ordersSecret = secrets.of(orders, sealer, unsealing(orders));
        SigningSecret billingSecret = secrets.of(billing, sealer, unsealing(billing));

        assertThat(billingSecret).isNotSameAs(ordersSecret);
        assertThat(secrets.of(orders, sealer, unsealing(orders))).isSameAs(ordersSecret);
        assertThat(unseals).hasValue(2);
    }
}
