package dev.gatehouse.server.web;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.SecurityKeys;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.HtmlErrors.HtmlError;
import dev.gatehouse.server.web.view.Nav;
import dev.gatehouse.server.web.view.SecurityKeyView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code /start/mfa/security-key}: adds a security key or passkey. The page carries the creation options (and
 * their challenge) in a data attribute; gatehouse.js asks the browser for the key and posts its answer with the
 * name. Each showing of the page hands out a fresh challenge, so a refusal shows the form ready to try again.
 */
final class SecurityKeyPage {

    static final String PATH = MfaDevicesPage.PATH + "/security-key";

    private final SecurityKeys keys;
    private final SignedInOnly signedIn;
    private final Templates templates;

    SecurityKeyPage(SecurityKeys keys, SignedInOnly signedIn, Templates templates) {
        this.keys = keys;
        this.signedIn = signedIn;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(PATH, this::add);
    }

    private void show(Context ctx) {
        Optional<BrowserSession> browser = signedIn.sessionOrSignIn(ctx);
        if (browser.isEmpty()) {
            return;
        }
        render(ctx, 200, browser.get(), "", null);
    }

    private void add(Context ctx) {
        Optional<BrowserSession> browser = signedIn.formPostedBy(ctx, PATH);
        if (browser.isEmpty()) {
            return;
        }
        User user = browser.get().user();
        String name = ctx.formParam("name");
        Refusable.run(() -> keys.finishRegistration(user.userId(), name, ctx.formParam("handle"),
                        ctx.formParam("response"), Actor.user(user.userId(), user.userName()), RequestContexts.of(ctx)),
                refusal -> render(ctx, HtmlErrors.describe(refusal).status(), browser.get(), name == null ? "" : name,
                        refusal));
        ctx.redirect(MfaDevicesPage.PATH + "?done=added", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, BrowserSession browser, String name, DomainError refusal) {
        Nav nav = signedIn.nav(browser, Nav.Section.MFA);
        String nameError = refusal instanceof DomainError.InvalidInput invalid && "name".equals(invalid.field())
                ? invalid.message() : null;
        String error = refusal == null || nameError != null ? null : HtmlErrors.describe(refusal).message();
        CeremonyStart start = Refusable.call(() -> keys.startRegistration(browser.user().userId()), refused -> {
            HtmlError limit = HtmlErrors.describe(refused);
            templates.render(ctx, status == 200 ? limit.status() : status, "security-key.jte",
                    new SecurityKeyView(nav, name, null, null, null, limit.message()));
        });
        templates.render(ctx, status, "security-key.jte",
                new SecurityKeyView(nav, name, start.handle(), start.optionsJson(), nameError, error));
    }
}
