package dev.gatehouse.server.web;

import dev.gatehouse.core.service.Administrators;
import dev.gatehouse.core.service.SignInService.BrowserSession;
import dev.gatehouse.server.web.view.Nav;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** The first step of every portal page: the browser's session, or a trip to sign in that comes back here. */
final class SignedInOnly {

    private final SessionCookies sessions;
    private final Administrators administrators;

    SignedInOnly(SessionCookies sessions, Administrators administrators) {
        this.sessions = sessions;
        this.administrators = administrators;
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

    /** The console link shows for whoever the console admits: the flag or the configured admin group. */
    Nav nav(BrowserSession browser, Nav.Section section) {
        return new Nav(browser.user().userName(), browser.session().csrfToken(),
                administrators.isAdministrator(browser.user()), section);
    }
}
