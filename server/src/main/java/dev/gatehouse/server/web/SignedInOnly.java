package dev.gatehouse.server.web;

import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.web.view.Nav;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** The first step of every portal page: the browser's session, or a trip to sign in that comes back here. */
final class SignedInOnly {

    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Administrators administrators;

    SignedInOnly(SessionCookies sessions, Csrf csrf, Administrators administrators) {
        this.sessions = sessions;
        this.csrf = csrf;
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

    /**
     * The session that posted this form, its CSRF token checked; or empty after answering with a redirect to sign
     * in that returns to {@code page} (a form's own address is no place to come back to).
     */
    Optional<BrowserSession> formPostedBy(Context ctx, String page) {
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isEmpty()) {
            ctx.redirect(NextPaths.signInThen(page), HttpStatus.SEE_OTHER);
            return browser;
        }
        csrf.checkSignedIn(ctx, browser.get());
        return browser;
    }

    /** The console link shows for whoever the console admits: the flag or the configured admin group. */
    Nav nav(BrowserSession browser, Nav.Section section) {
        return new Nav(browser.user().userName(), browser.session().csrfToken(),
                administrators.isAdministrator(browser.user()), section);
    }
}
