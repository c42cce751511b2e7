package dev.gatehouse.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.sigv4.ReceivedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which credentials a request claims to be signed with: temporary ones carry a session token. */
class SessionTokensTest {

    private static ReceivedRequest request(Map<String, List<String>> headers, String query) {
        return new ReceivedRequest("POST", "/", query, headers, null);
    }

    @Test
    void aSessionTokenHeaderInAnyCaseIsCarried() {
        assertThat(SessionTokens.carried(request(Map.of("x-amz-security-token", List.of("token")), null))).isTrue();
        assertThat(SessionTokens.carried(request(Map.of("X-Amz-Security-Token", List.of("token")), null))).isTrue();
    }

    @Test
    void aPresignedSessionTokenIsCarried() {
        assertThat(SessionTokens.carried(request(Map.of(), "X-Amz-Date=20250101T000000Z&X-Amz-Security-Token=t")))
                .isTrue();
    }

    @Test
    void noTokenOrAnEmptyOneIsNotCarried() {
        assertThat(SessionTokens.carried(request(Map.of("Authorization", List.of("AWS4-HMAC-SHA256 …")), null)))
                .isFalse();
        assertThat(SessionTokens.carried(request(Map.of("X-Amz-Security-Token", List.of("")),
                "X-Amz-Security-Token="))).isFalse();
    }
}
