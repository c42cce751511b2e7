package dev.gatehouse.server.web;

import dev.gatehouse.core.service.SignInService.BrowserSession;
import dev.gatehouse.server.web.view.StartView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** {@code /start}: the access portal URL. For now it says who is signed in and offers to sign out. */
final class StartPage {

    static final String PATH = "/start";

    private final SessionCookies sessions;
    private final Templates templates;

    StartPage(SessionCookies sessions, Templates templates) {
        this.sessions = sessions;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::show);
    }

    private void show(Context ctx) {
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isEmpty()) {
            ctx.redirect(NextPaths.signInThen(PATH), HttpStatus.SEE_OTHER);
            return;
        }
        templates.render(ctx, 200, "start.jte",
                new StartView(browser.get().user().userName(), browser.get().session().csrfToken()));
    }
}
