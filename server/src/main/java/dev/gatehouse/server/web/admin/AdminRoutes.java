package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.NextPaths;
import dev.gatehouse.server.web.PageRoutes;
import dev.gatehouse.server.web.SessionCookies;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Registers console pages so that none can forget the gate: a visitor who is not signed in is sent to sign in and
 * back, a signed-in person who is not an administrator gets 403, and every POST must carry the session's CSRF
 * token before its handler runs. The administrator check is core's and is made on every request, so taking the
 * right away takes effect at once.
 */
final class AdminRoutes {

    /** A console handler, called only for an administrator (and, for a POST, with a valid CSRF token). */
    @FunctionalInterface
    interface AdminHandler {
        void handle(Context ctx, Admin admin) throws Exception;
    }

    private final PageRoutes pages;
    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Administrators administrators;

    AdminRoutes(PageRoutes pages, SessionCookies sessions, Csrf csrf, Administrators administrators) {
        this.pages = pages;
        this.sessions = sessions;
        this.csrf = csrf;
        this.administrators = administrators;
    }

    void get(String path, AdminHandler handler) {
        pages.get(path, ctx -> {
            String query = ctx.queryString();
            Optional<Admin> admin = admin(ctx, query == null ? ctx.path() : ctx.path() + "?" + query);
            if (admin.isPresent()) {
                handler.handle(ctx, admin.get());
            }
        });
    }

    /** A form posted after the session ended returns to the dashboard once signed in: its values are gone anyway. */
    void post(String path, AdminHandler handler) {
        pages.post(path, ctx -> {
            Optional<Admin> admin = admin(ctx, AdminPaths.ROOT);
            if (admin.isPresent()) {
                csrf.checkSignedIn(ctx, admin.get().browser());
                handler.handle(ctx, admin.get());
            }
        });
    }

    private Optional<Admin> admin(Context ctx, String returnPath) {
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isEmpty()) {
            ctx.redirect(NextPaths.signInThen(returnPath), HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        administrators.require(browser.get().user());
        return Optional.of(new Admin(browser.get()));
    }
}
