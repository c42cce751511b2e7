package dev.gatehouse.server.web;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.password.PasswordPolicy;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.ActivatedView;
import dev.gatehouse.server.web.view.ActivationView;
import io.javalin.http.Context;
import java.util.Arrays;

/**
 * {@code /activate?token=…}: a new user sets their password from the link an administrator sent. A link that is
 * unknown, expired or used is answered by core's ExpiredToken, which {@link HtmlErrors} shows as 410 Gone.
 */
final class ActivationPages {

    static final String PASSWORDS_DIFFER = "The two passwords do not match.";

    private final ActivationService activations;
    private final Csrf csrf;
    private final Templates templates;

    ActivationPages(ActivationService activations, Csrf csrf, Templates templates) {
        this.activations = activations;
        this.csrf = csrf;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get("/activate", this::form);
        routes.post("/activate", this::submit);
    }

    private void form(Context ctx) {
        String token = ctx.queryParam("token");
        User user = activations.userFor(token);
        showForm(ctx, 200, user, token, null, null);
    }

    private void submit(Context ctx) {
        csrf.checkAnonymous(ctx);
        String token = ctx.formParam("token");
        // Checked first so a dead link costs no password hashing and the form can name the user again.
        User user = activations.userFor(token);
        char[] password = chars(ctx.formParam("password"));
        char[] confirm = chars(ctx.formParam("confirm"));
        try {
            // Both problems at once, so nobody fixes one only to be told about the other.
            String passwordError = policyViolation(password);
            // Both values come from the same person in the same request: no timing to hide, a plain compare is fine.
            String confirmError = Arrays.equals(password, confirm) ? null : PASSWORDS_DIFFER;
            if (passwordError != null || confirmError != null) {
                showForm(ctx, 400, user, token, passwordError, confirmError);
                return;
            }
            // Only the service knows the user's earlier passwords: a reused one is refused there.
            Refusable.run(DomainError.InvalidInput.class,
                    () -> activations.setPassword(token, password, RequestContexts.of(ctx)),
                    invalid -> showForm(ctx, 400, user, token, HtmlErrors.describe(invalid).message(), null));
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(confirm, '\0');
        }
        templates.render(ctx, 200, "activated.jte", new ActivatedView(user.userName()));
    }

    private static String policyViolation(char[] password) {
        try {
            PasswordPolicy.check(password);
            return null;
        } catch (DomainException e) {
            return HtmlErrors.describe(e.error()).message();
        }
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    private void showForm(Context ctx, int status, User user, String token, String passwordError,
                          String confirmError) {
        templates.render(ctx, status, "activate.jte", new ActivationView(user.userName(), token,
                csrf.forAnonymousForm(ctx), PasswordPolicy.RULE, passwordError, confirmError));
    }
}
