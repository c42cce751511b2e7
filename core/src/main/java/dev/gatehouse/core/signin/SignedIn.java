package dev.gatehouse.core.signin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.signin.RememberedBrowsers.Remembered;

/**
 * A browser session and the cookie value that finds it (only its hash is stored).
 *
 * @param remembered for context-aware MFA, the browser to remember after a second factor; else null
 */
public record SignedIn(PortalSession session, User user, String cookieValue, Remembered remembered)
        implements SignInOutcome {

    public SignedIn(PortalSession session, User user, String cookieValue) {
        this(session, user, cookieValue, null);
    }

    SignedIn withRemembered(Remembered browser) {
        return new SignedIn(session, user, cookieValue, browser);
    }
}
