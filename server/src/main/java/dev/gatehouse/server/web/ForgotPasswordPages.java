package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.password.PasswordResets;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.ForgotPasswordView;
import io.javalin.http.Context;

/**
 * {@code /forgot}: asks for a user name or email and answers the same whatever it was; core mails the link, which
 * opens the activation page ({@code /activate?token=…}) where the new password is set. Without a mail server the
 * page says to ask an administrator.
 */
final class ForgotPasswordPages {

    private final PasswordResets resets;
    private final Csrf csrf;
    private final Templates templates;
    private final String linkLifetime;

    ForgotPasswordPages(PasswordResets resets, Csrf csrf, Templates templates) {
        this.resets = resets;
        this.csrf = csrf;
        this.templates = templates;
        long minutes = resets.linkLifetime().toMinutes();
        this.linkLifetime = minutes % 60 != 0 ? minutes + " minutes"
                : minutes == 60 ? "1 hour" : minutes / 60 + " hours";
    }

    void mount(PageRoutes routes) {
        routes.get("/forgot", this::form);
        routes.post("/forgot", this::submit);
    }

    private void form(Context ctx) {
        show(ctx, 200, false, null);
    }

    private void submit(Context ctx) {
        csrf.checkAnonymous(ctx);
        if (!resets.selfService()) {
            show(ctx, 200, false, null);
            return;
        }
        Refusable.run(DomainError.TooManyRequests.class, () -> resets.request(ctx.formParam("account"),
                RequestContexts.of(ctx)), tooMany -> show(ctx, 429, false, tooMany.message()));
        show(ctx, 200, true, null);
    }

    private void show(Context ctx, int status, boolean sent, String error) {
        templates.render(ctx, status, "forgot.jte", new ForgotPasswordView(csrf.forAnonymousForm(ctx),
                resets.selfService(), sent, linkLifetime, error));
    }
}
