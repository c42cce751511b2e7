package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.core.signin.BrowserSessions;
import dev.gatehouse.core.signin.PasswordStep;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.SignInView;
import dev.gatehouse.server.web.view.SignedOutView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code /signin} and {@code /signout}: the password step of signing in, and leaving. A right password leads to
 * the session, or on to {@code /signin/mfa} or the enrolment of an app, as the MFA policy says ({@link SignInSteps}).
 */
final class SignInPages {

    /**
     * Where signing out ends while an external provider signs people in: {@code /signin} would send the browser
     * straight back to the provider, whose own session is still open, and so sign the person in again.
     */
    static final String SIGNED_OUT = "/signedout";

    private final PasswordStep passwordStep;
    private final BrowserSessions browserSessions;
    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Templates templates;
    private final SignInSteps steps;

    private final IdentitySources identitySources;
    private final OidcSignInPages external;
    private final SamlSignInPages saml;

    SignInPages(PasswordStep passwordStep, BrowserSessions browserSessions, SessionCookies sessions, Csrf csrf,
                Templates templates, SignInSteps steps, IdentitySources identitySources, OidcSignInPages external,
                SamlSignInPages saml) {
        this.identitySources = identitySources;
        this.external = external;
        this.saml = saml;
        this.passwordStep = passwordStep;
        this.browserSessions = browserSessions;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
        this.steps = steps;
    }

    void mount(PageRoutes routes) {
        routes.get("/signin", this::form);
        routes.post("/signin", this::submit);
        routes.post("/signout", this::signOut);
        routes.get(SIGNED_OUT, this::signedOut);
    }

    private void form(Context ctx) {
        String next = NextPaths.safe(ctx.queryParam("next"));
        if (sessions.current(ctx).isPresent()) {
            // Already signed in (e.g. a second tab): signing in again would only make a second session.
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        IdentitySource source = identitySources.current();
        if (source.kind() == IdentitySource.Kind.EXTERNAL_SAML) {
            saml.start(ctx, source, next);
            return;
        }
        if (source.external()) {
            // No password form: the provider signs people in, and sends them back to the callback.
            external.start(ctx, source, next);
            return;
        }
        showForm(ctx, 200, next, "", null);
    }

    private void submit(Context ctx) {
        csrf.checkAnonymous(ctx);
        String next = NextPaths.safe(ctx.formParam("next"));
        String userName = ctx.formParam("username");
        String typed = ctx.formParam("password");
        char[] password = typed == null ? new char[0] : typed.toCharArray();
        SignInOutcome result;
        try {
            result = Refusable.call(
                    () -> passwordStep.signIn(userName, password, steps.remembered(ctx), RequestContexts.of(ctx)),
                    Refusable.asMessage((status, message) -> showForm(ctx, status, next,
                            userName == null ? "" : userName, message)));
        } finally {
            Arrays.fill(password, '\0');
        }
        steps.continueWith(ctx, result, next);
    }

    private void signOut(Context ctx) {
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isPresent()) {
            csrf.checkSignedIn(ctx, browser.get());
            browserSessions.signOut(browser.get(), RequestContexts.of(ctx));
        }
        sessions.end(ctx);
        ctx.redirect(identitySources.current().external() ? SIGNED_OUT : "/signin", HttpStatus.SEE_OTHER);
    }

    private void signedOut(Context ctx) {
        IdentitySource source = identitySources.current();
        String host = SecurityHeaders.providerOrigin(source).map(o -> URI.create(o).getHost()).orElse(null);
        templates.render(ctx, 200, "signedout.jte", new SignedOutView(host));
    }

    /** The form again, e.g. when the second step expired: the person signs in from the start. */
    /** A later step's refusal that sends the person back to the password: an expired or unknown sign-in. */
    void startAgain(Context ctx, String next, DomainError refusal) {
        Refusable.asMessage((status, message) -> showForm(ctx, status, next, "", message)).accept(refusal);
    }

    void showForm(Context ctx, int status, String next, String userName, String error) {
        templates.render(ctx, status, "signin.jte", new SignInView(csrf.forAnonymousForm(ctx), next, userName, error));
    }
}
