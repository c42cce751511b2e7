package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.oidc.ClientRegistration;
import java.time.Duration;
import java.util.List;

public final class TestClients {

    private TestClients() {
    }

    /** Registered the way AWS CLI v2 registers for a PKCE login, valid for 90 days. */
    public static ClientRegistration client(String clientName) {
        return new ClientRegistration(TestIds.id("client"), TestIds.hex(64), clientName, "public",
                List.of("sso:account:access"), List.of("authorization_code", "refresh_token"),
                List.of("http://127.0.0.1/oauth/callback"), "https://identitycenter.amazonaws.com/ssoins-0123456789abcdef",
                NOW, NOW.plus(Duration.ofDays(90)));
    }
}
