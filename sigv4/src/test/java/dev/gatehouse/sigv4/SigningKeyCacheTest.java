package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static CredentialScope scope(int day) {
        return new CredentialScope("201508%02d".formatted(day), "us-east-1", "service");
    }

    @Test
    void derivesTheKeyFromTheAwsDocumentationExample() {
        byte[] key = new SigningKeyCache(4).signingKey(SECRET, new CredentialScope("20150830", "us-east-1", "iam"));
        assertThat(Hashing.hex(key)).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void returnsTheCachedKeyForTheSameSecretAndScope() {
        SigningKeyCache cache = new SigningKeyCache(4);
        byte[] first = cache.signingKey(SECRET, scope(1));
        assertThat(cache.signingKey(SECRET, scope(1))).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void separatesSecretsAndScopes() {
        SigningKeyCache cache = new SigningKeyCache(4);
        byte[] key = cache.signingKey(SECRET, scope(1));
        assertThat(cache.signingKey(SECRET + "x", scope(1))).isNotEqualTo(key);
        assertThat(cache.signingKey(SECRET, scope(2))).isNotEqualTo(key);
        assertThat(cache.signingKey(SECRET, new CredentialScope("20150801", "eu-west-1", "service"))).isNotEqualTo(key);
        assertThat(cache.signingKey(SECRET, new CredentialScope("20150801", "us-east-1", "sts"))).isNotEqualTo(key);
    }

    @Test
    void staysBoundedAndEvictsTheLeastRecentlyUsed() {
        SigningKeyCache cache = new SigningKeyCache(3);
        byte[] kept = cache.signingKey(SECRET, scope(1));
        for (int day = 2; day <= 10; day++) {
            cache.signingKey(SECRET, scope(1)); // keeps day 1 the most recently used
            cache.signingKey(SECRET, scope(day));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.signingKey(SECRET, scope(1))).isSameAs(kept);
    }

    @Test
    void isSafeUnderConcurrentUse() throws Exception {
        SigningKeyCache cache = new SigningKeyCache(5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        CredentialScope scope = scope(1 + (i + offset) % 12);
                        if (!Arrays.equals(cache.signingKey(SECRET, scope), SigningKeyDerivation.derive(SECRET, scope))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThatThrownBy(() -> new SigningKeyCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
