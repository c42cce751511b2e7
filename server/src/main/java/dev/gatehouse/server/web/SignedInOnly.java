package dev.gatehouse.server.web;

import dev.gatehouse.core.service.SignInService.BrowserSession;
import dev.gatehouse.server.web.view.Nav;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** The first step of every portal page: the browser's session, or a trip to sign in that comes back here. */
final class SignedInOnly {

    private final SessionCookies sessions;

    SignedInOnly(SessionCookies sessions) {
        this.sessions = sessions;
    }

    /** The session, or empty after answering with a redirect to sign in that returns to this page and query. */
    Optional<BrowserSession> sessionOrSignIn(Context ctx) {
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isEmpty()) {
            String query = ctx.queryString();
            ctx.redirect(NextPaths.signInThen(query == null ? ctx.path() : ctx.path() + "?" + query),
                    HttpStatus.SEE_OTHER);
        }
        return browser;
    }

    static Nav nav(BrowserSession browser, Nav.Section section) {
        return new Nav(browser.user().userName(), browser.session().csrfToken(), browser.user().administrator(),
                section);
    }
}
