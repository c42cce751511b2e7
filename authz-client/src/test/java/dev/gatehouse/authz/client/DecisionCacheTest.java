package dev.gatehouse.authz.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.testing.SteppedClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionCacheTest {

    private static final AuthorizationDecision ALLOW = new AuthorizationDecision(true, "ALLOW", Optional.empty(),
            Optional.empty(), "allowed", Optional.empty());

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T13:00:00Z"));

    private static byte[] question(String signature) {
        return ("{\"request\":{\"headers\":{\"Authorization\":[\"…Signature=" + signature + "\"]}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void getWhenTheSameQuestionWithinTheTimeToLiveThenTheDecision() {
        DecisionCache cache = new DecisionCache(clock, Duration.ofSeconds(5), 10);
        cache.put(question("aaaa"), ALLOW);

        clock.advance(Duration.ofSeconds(4));

        assertThat(cache.get(question("aaaa"))).isEqualTo(ALLOW);
    }

    @Test
    void getWhenAnyByteDiffersThenMissSoAForgedSignatureGoesToGatehouse() {
        DecisionCache cache = new DecisionCache(clock, Duration.ofSeconds(5), 10);
        cache.put(question("aaaa"), ALLOW);

        assertThat(cache.get(question("aaab"))).isNull();
    }

    @Test
    void getWhenTheTimeToLiveHasPassedThenMiss() {
        DecisionCache cache = new DecisionCache(clock, Duration.ofSeconds(5), 10);
        cache.put(question("aaaa"), ALLOW);

        clock.advance(Duration.ofSeconds(5));

        assertThat(cache.get(question("aaaa"))).isNull();
    }

    @Test
    void putWhenFullThenTheLeastRecentlyUsedGoes() {
        DecisionCache cache = new DecisionCache(clock, Duration.ofSeconds(5), 2);
        cache.put(question("1"), ALLOW);
        cache.put(question("2"), ALLOW);
        cache.get(question("1"));

        cache.put(question("3"), ALLOW);

        assertThat(cache.get(question("1"))).isEqualTo(ALLOW);
        assertThat(cache.get(question("2"))).isNull();
        assertThat(cache.get(question("3"))).isEqualTo(ALLOW);
    }

    @Test
    void zeroTimeToLiveCachesNothing() {
        DecisionCache cache = new DecisionCache(clock, Duration.ZERO, 10);
        cache.put(question("aaaa"), ALLOW);

        assertThat(cache.get(question("aaaa"))).isNull();
    }
}
