package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.oidc.AuthorizationCode;
import java.time.Duration;
import java.util.List;

public final class TestAuthorizationCodes {

    private TestAuthorizationCodes() {
    }

    /** Unused, valid for five minutes, for the AWS CLI's loopback redirect on a random port. */
    public static AuthorizationCode unused() {
        return new AuthorizationCode(TestIds.hex(64), TestIds.id("client"), TestIds.id("user"),
                "http://127.0.0.1:53219/oauth/callback", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                List.of("sso:account:access"), NOW, NOW.plus(Duration.ofMinutes(5)), null, null);
    }
}
