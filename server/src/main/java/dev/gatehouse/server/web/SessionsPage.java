package dev.gatehouse.server.web;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionService.ActiveSession;
import dev.gatehouse.core.session.SessionService;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.Nav;
import dev.gatehouse.server.web.view.SessionsView.SessionRow;
import dev.gatehouse.server.web.view.SessionsView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code /start/sessions}: the person's own active sessions, in browsers and command-line tools, each with a button
 * that ends it. Ending one makes everything issued under it — tokens and role credentials — fail on the next use;
 * ending the one showing the page signs this browser out.
 */
final class SessionsPage {

    static final String PATH = "/start/sessions";
    static final String REVOKE = PATH + "/revoke";
    static final String ENDED = "The session has ended. Tokens and credentials issued under it no longer work.";

    private final SessionService sessions;
    private final SignedInOnly signedIn;
    private final SessionCookies cookies;
    private final Templates templates;

    SessionsPage(SessionService sessions, SignedInOnly signedIn, SessionCookies cookies,
                 Templates templates) {
        this.sessions = sessions;
        this.signedIn = signedIn;
        this.cookies = cookies;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(REVOKE, this::revoke);
    }

    private void show(Context ctx) {
        Optional<BrowserSession> browser = signedIn.sessionOrSignIn(ctx);
        if (browser.isEmpty()) {
            return;
        }
        render(ctx, 200, browser.get(), ctx.queryParam("ended") != null ? ENDED : null, null);
    }

    private void revoke(Context ctx) {
        Optional<BrowserSession> browser = signedIn.formPostedBy(ctx, PATH);
        if (browser.isEmpty()) {
            return;
        }
        String sessionId = ctx.formParam("session_id");
        User user = browser.get().user();
        Refusable.run(() -> sessions.revoke(SessionOwners.of(user), sessionId,
                        Actor.user(user.userId(), user.userName()), RequestContexts.of(ctx)),
                Refusable.asMessage((status, message) -> render(ctx, status, browser.get(), null, message)));
        if (browser.get().session().sessionId().equals(sessionId)) {
            cookies.end(ctx);
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect(PATH + "?ended=1", HttpStatus.SEE_OTHER);
        }
    }

    private void render(Context ctx, int status, BrowserSession browser, String notice, String error) {
        String current = browser.session().sessionId();
        templates.render(ctx, status, "sessions.jte", new SessionsView(signedIn.nav(browser, Nav.Section.SESSIONS),
                sessions.activeSessionsOf(browser.user().userId()).stream().map(s -> row(s, current)).toList(),
                notice, error));
    }

    private static SessionRow row(ActiveSession active, String currentSessionId) {
        PortalSession session = active.session();
        return new SessionRow(session.sessionId(), session.kind() == SessionKind.BROWSER ? "Browser" : "Command line",
                active.clientName(), session.createdAt().toString(), PortalTimes.text(session.createdAt()),
                session.expiresAt().toString(), PortalTimes.text(session.expiresAt()),
                session.sessionId().equals(currentSessionId));
    }
}
