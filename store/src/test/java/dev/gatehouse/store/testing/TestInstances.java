package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.StoredSealingKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

public final class TestInstances {

    private TestInstances() {
    }

    public static Instance instance() {
        return new Instance("arn:aws:sso:::instance/" + TestPermissionSets.INSTANCE_ID, "d-0123456789",
                "us-east-1", "https://gatehouse.example.com/start",
                List.of("https://gatehouse-test.awsapps.com/start"), NOW);
    }

    /** A random AES-256 key. */
    public static SealingKey sealingKey(int keyId, Instant createdAt) {
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(secret);
        return new SealingKey(keyId, secret, createdAt);
    }

    /** A random key as the database holds it: wrapped material (random here) or a legacy plain secret. */
    public static StoredSealingKey storedSealingKey(int keyId, boolean wrapped, Instant createdAt) {
        byte[] material = new byte[wrapped ? 61 : 32];
        ThreadLocalRandom.current().nextBytes(material);
        return new StoredSealingKey(keyId, material, wrapped, createdAt);
    }
}
