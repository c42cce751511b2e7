package dev.gatehouse.server.web;

import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.instance.FirstAdministratorSetup;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.SetupView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /setup?token=…}: the link a fresh installation logs names the first administrator, then hands on to the
 * activation page where they set their password. A dead link or a caller from elsewhere gets core's refusal on the
 * error page.
 */
final class SetupPages {

    private final FirstAdministratorSetup setup;
    private final Csrf csrf;
    private final Templates templates;

    SetupPages(FirstAdministratorSetup setup, Csrf csrf, Templates templates) {
        this.setup = setup;
        this.csrf = csrf;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get("/setup", this::form);
        routes.post("/setup", this::submit);
    }

    private void form(Context ctx) {
        String token = ctx.queryParam("token");
        setup.check(token, RequestContexts.of(ctx));
        show(ctx, 200, new SetupView(token, null, "", "", "", "", null));
    }

    private void submit(Context ctx) {
        csrf.checkAnonymous(ctx);
        String token = ctx.formParam("token");
        // A dead link or a caller from elsewhere belongs on the error page; only the details go back to the form.
        setup.check(token, RequestContexts.of(ctx));
        SetupView typed = new SetupView(token, null, ctx.formParam("userName"), ctx.formParam("givenName"),
                ctx.formParam("familyName"), ctx.formParam("email"), null);
        String activation = Refusable.call(() -> setup.createAdministrator(token, new NewUser(typed.userName(), null,
                        typed.givenName(), typed.familyName(), typed.email(), true), RequestContexts.of(ctx)),
                Refusable.asMessage((status, message) -> show(ctx, status, withError(typed, message))));
        ctx.redirect("/activate?token=" + URLEncoder.encode(activation, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private static SetupView withError(SetupView view, String error) {
        return new SetupView(view.token(), null, view.userName(), view.givenName(), view.familyName(), view.email(),
                error);
    }

    private void show(Context ctx, int status, SetupView view) {
        templates.render(ctx, status, "setup.jte", new SetupView(view.token(), csrf.forAnonymousForm(ctx),
                view.userName(), view.givenName(), view.familyName(), view.email(), view.error()));
    }
}
