package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.TokenType;
import java.time.Duration;

public final class TestSessions {

    public static final Duration PORTAL_SESSION = Duration.ofHours(8);

    private TestSessions() {
    }

    /** A signed-in browser, for the default 8 hours. */
    public static PortalSession browserSession(User user) {
        return new PortalSession(TestIds.id("session"), TestIds.hex(64), SessionKind.BROWSER, user.userId(), null,
                TestIds.hex(32), NOW, NOW.plus(PORTAL_SESSION), null);
    }

    /** The session behind a client's tokens; it has no cookie, so no secret hash. */
    public static PortalSession tokenSession(User user, String clientId) {
        return new PortalSession(TestIds.id("session"), null, SessionKind.TOKEN, user.userId(), clientId, null, NOW,
                NOW.plus(PORTAL_SESSION), null);
    }

    public static IssuedToken accessToken(PortalSession session) {
        return new IssuedToken(TestIds.hex(64), TokenType.ACCESS, session.sessionId(), session.clientId(), NOW,
                NOW.plus(Duration.ofHours(1)), null);
    }

    public static IssuedToken refreshToken(PortalSession session) {
        return new IssuedToken(TestIds.hex(64), TokenType.REFRESH, session.sessionId(), session.clientId(), NOW,
                session.expiresAt(), null);
    }
}
