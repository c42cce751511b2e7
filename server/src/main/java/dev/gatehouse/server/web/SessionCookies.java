package dev.gatehouse.server.web;

import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.core.signin.BrowserSessions;
import dev.gatehouse.core.signin.SignedIn;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser session cookie {@code gatehouse_session}. It holds only a random value whose hash finds the
 * session in core; SameSite=Lax so it still arrives when a person follows a link (the CLI opening the device
 * page), but not on another site's form posts.
 */
public final class SessionCookies {

    static final String NAME = "gatehouse_session";
    private static final String CURRENT = "gatehouse.web.browserSession";

    private final BrowserSessions browserSessions;
    private final CookieWriter cookies;
    private final Clock clock;

    SessionCookies(BrowserSessions browserSessions, CookieWriter cookies, Clock clock) {
        this.browserSessions = browserSessions;
        this.cookies = cookies;
        this.clock = clock;
    }

    /** The active session the request's cookie names, looked up at most once per request. */
    public Optional<BrowserSession> current(Context ctx) {
        Optional<BrowserSession> cached = ctx.attribute(CURRENT);
        if (cached == null) {
            cached = browserSessions.find(ctx.cookie(NAME));
            ctx.attribute(CURRENT, cached);
        }
        return cached;
    }

    /** The cookie lives exactly as long as the session, so it never outlasts what it points at. */
    void start(Context ctx, SignedIn signedIn) {
        long seconds = Math.max(0, Duration.between(clock.instant(), signedIn.session().expiresAt()).toSeconds());
        cookies.write(ctx, NAME, signedIn.cookieValue(), CookieWriter.SameSite.LAX, seconds);
        ctx.attribute(CURRENT, Optional.of(new BrowserSession(signedIn.session(), signedIn.user())));
    }

    void end(Context ctx) {
        cookies.clear(ctx, NAME, CookieWriter.SameSite.LAX);
        ctx.attribute(CURRENT, Optional.<BrowserSession>empty());
    }
}
