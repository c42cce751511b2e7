package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.web.view.admin.AdminFrame;
import io.javalin.http.Context;

/** The administrator a console request acts as: who the audit trail names, and what the layout shows. */
record Admin(BrowserSession browser) {

    User user() {
        return browser.user();
    }

    Actor actor() {
        return Actor.user(user().userId(), user().userName());
    }

    String sessionId() {
        return browser.session().sessionId();
    }

    /** The layout, with the notice a redirect asked for, if any. */
    AdminFrame frame(String section, Context ctx) {
        return frame(section, Notice.shown(ctx.queryParam(Notice.PARAMETER)));
    }

    AdminFrame frame(String section, String notice) {
        return new AdminFrame(user().userName(), browser.session().csrfToken(), section, notice);
    }
}
