package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

    @Test
    void aPeerThatIsNotListedIsTheSourceWhateverItForwards() {
        assertThat(proxies.sourceOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.NONE.sourceOf("10.0.0.1", List.of("198.51.100.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void behindListedProxiesTheRightmostUnlistedHopIsTheSource() {
        assertThat(proxies.sourceOf("10.1.2.3", List.of("1.1.1.1, 198.51.100.1, 192.0.2.7"))).isEqualTo("198.51.100.1");
        assertThat(proxies.sourceOf("10.1.2.3", List.of("1.1.1.1", "198.51.100.1", "10.9.9.9")))
                .as("several headers read as one list").isEqualTo("198.51.100.1");
        assertThat(proxies.sourceOf("fd12::1", List.of("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(proxies.sourceOf("10.1.2.3", List.of("198.51.100.1:4711"))).isEqualTo("198.51.100.1");
        assertThat(proxies.sourceOf("10.1.2.3", List.of("[2001:db8::5]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheLastOneThatWas() {
        assertThat(proxies.sourceOf("10.1.2.3", List.of("198.51.100.1, evil.example, 10.0.0.9")))
                .isEqualTo("10.0.0.9");
        assertThat(proxies.sourceOf("10.1.2.3", List.of("unknown"))).isEqualTo("10.1.2.3");
        assertThat(proxies.sourceOf("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void entriesThatAreNotAddressesOrBlocksAreRefused() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example.com")))
                .hasMessageContaining("proxy.example.com");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("300.0.0.1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
