package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import dev.gatehouse.core.signin.SignInService.SignedIn;
import dev.gatehouse.core.signin.SignInService.Waiting;
import dev.gatehouse.core.signin.SignInService;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.HtmlErrors.HtmlError;
import dev.gatehouse.server.web.view.MfaCodeView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Supplier;

/**
 * {@code /signin/mfa}: the second step of signing in, after a right password, for a user with an MFA device. The
 * code of an authenticator app, or a security key's answer (posted to {@code /signin/mfa/security-key} by
 * gatehouse.js), completes the sign-in; a wrong one is counted (core throttles guesses per user, across both
 * kinds), and a pending sign-in that expired or completed sends the person back to the password.
 */
final class MfaSignInPage {

    private final SignInService signIn;
    private final SignInSteps steps;
    private final SignInPages passwordStep;
    private final Csrf csrf;
    private final Templates templates;

    MfaSignInPage(SignInService signIn, SignInSteps steps, SignInPages passwordStep, Csrf csrf, Templates templates) {
        this.signIn = signIn;
        this.steps = steps;
        this.passwordStep = passwordStep;
        this.csrf = csrf;
        this.templates = templates;
    }

    static final String SECURITY_KEY_PATH = SignInSteps.MFA_PATH + "/security-key";

    void mount(PageRoutes routes) {
        routes.get(SignInSteps.MFA_PATH, this::form);
        routes.post(SignInSteps.MFA_PATH, this::submit);
        routes.post(SECURITY_KEY_PATH, this::submitSecurityKey);
    }

    private void form(Context ctx) {
        String next = NextPaths.safe(ctx.queryParam("next"));
        Waiting waiting = Refusable.call(() -> signIn.waiting(steps.pending(ctx)),
                refusal -> passwordStep.startAgain(ctx, next, refusal));
        if (waiting.purpose() == Purpose.ENROLMENT) {
            ctx.redirect(SignInSteps.then(SignInSteps.ENROL_PATH, next), HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, steps.pending(ctx), waiting, next, null);
    }

    private void submit(Context ctx) {
        csrf.checkAnonymous(ctx);
        String pending = steps.pending(ctx);
        String code = ctx.formParam("code");
        complete(ctx, pending, () -> signIn.completeWithAuthenticatorApp(pending, code, RequestContexts.of(ctx)));
    }

    private void submitSecurityKey(Context ctx) {
        csrf.checkAnonymous(ctx);
        String pending = steps.pending(ctx);
        String handle = ctx.formParam("handle");
        String response = ctx.formParam("response");
        complete(ctx, pending,
                () -> signIn.completeWithSecurityKey(pending, handle, response, RequestContexts.of(ctx)));
    }

    private void complete(Context ctx, String pending, Supplier<SignedIn> step) {
        String next = NextPaths.safe(ctx.formParam("next"));
        SignedIn signedIn = Refusable.call(step, refusal -> {
            if (refusal instanceof DomainError.ExpiredToken) {
                passwordStep.startAgain(ctx, next, refusal);
            } else {
                HtmlError shown = HtmlErrors.describe(refusal);
                show(ctx, shown.status(), pending, signIn.waiting(pending), next, shown.message());
            }
        });
        steps.continueWith(ctx, signedIn, next);
    }

    private void show(Context ctx, int status, String pending, Waiting waiting, String next, String error) {
        // Each showing gets a fresh challenge: the last one was used up by the answer that was refused.
        CeremonyStart key = waiting.kinds().contains(MfaDeviceKind.WEBAUTHN)
                ? signIn.securityKeyChallenge(pending) : null;
        templates.render(ctx, status, "signin-mfa.jte", new MfaCodeView(csrf.forAnonymousForm(ctx), next,
                waiting.user().userName(), error, NextPaths.signInThen(next),
                waiting.kinds().contains(MfaDeviceKind.TOTP), key == null ? null : key.handle(),
                key == null ? null : key.optionsJson()));
    }
}
