package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.signin.AuthenticatorAppStep;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import dev.gatehouse.core.signin.PendingSignIns;
import dev.gatehouse.core.signin.SecurityKeyStep;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.signin.Waiting;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.MfaCodeView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Function;

/**
 * {@code /signin/mfa}: the second step of signing in, after a right password, for a user with an MFA device. The
 * code of an authenticator app, or a security key's answer (posted to {@code /signin/mfa/security-key} by
 * gatehouse.js), completes the sign-in; a wrong one is counted (core throttles guesses per user, across both
 * kinds), and a pending sign-in that expired or completed sends the person back to the password. Each request
 * finds its pending sign-in once and hands it to the step.
 */
final class MfaSignInPage {

    static final String SECURITY_KEY_PATH = SignInSteps.MFA_PATH + "/security-key";

    private final PendingSignIns pendingSignIns;
    private final AuthenticatorAppStep appStep;
    private final SecurityKeyStep securityKeyStep;
    private final SignInSteps steps;
    private final SignInPages passwordStep;
    private final Csrf csrf;
    private final Templates templates;

    MfaSignInPage(PendingSignIns pendingSignIns, AuthenticatorAppStep appStep, SecurityKeyStep securityKeyStep,
                  SignInSteps steps, SignInPages passwordStep, Csrf csrf, Templates templates) {
        this.pendingSignIns = pendingSignIns;
        this.appStep = appStep;
        this.securityKeyStep = securityKeyStep;
        this.steps = steps;
        this.passwordStep = passwordStep;
        this.csrf = csrf;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(SignInSteps.MFA_PATH, this::form);
        routes.post(SignInSteps.MFA_PATH, this::submit);
        routes.post(SECURITY_KEY_PATH, this::submitSecurityKey);
    }

    private void form(Context ctx) {
        String next = NextPaths.safe(ctx.queryParam("next"));
        Waiting waiting = resolve(ctx, next);
        if (waiting.purpose() == Purpose.ENROLMENT) {
            ctx.redirect(SignInSteps.then(SignInSteps.ENROL_PATH, next), HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, waiting, next, null);
    }

    private void submit(Context ctx) {
        csrf.checkAnonymous(ctx);
        String code = ctx.formParam("code");
        complete(ctx, waiting -> appStep.complete(waiting, code, RequestContexts.of(ctx)));
    }

    private void submitSecurityKey(Context ctx) {
        csrf.checkAnonymous(ctx);
        String handle = ctx.formParam("handle");
        String response = ctx.formParam("response");
        complete(ctx, waiting -> securityKeyStep.complete(waiting, handle, response, RequestContexts.of(ctx)));
    }

    private void complete(Context ctx, Function<Waiting, SignedIn> step) {
        String next = NextPaths.safe(ctx.formParam("next"));
        Waiting waiting = resolve(ctx, next);
        SignedIn signedIn = Refusable.call(() -> step.apply(waiting), refusal -> {
            if (refusal instanceof DomainError.ExpiredToken) {
                passwordStep.startAgain(ctx, next, refusal);
            } else {
                Refusable.asMessage((status, message) -> show(ctx, status, waiting, next, message)).accept(refusal);
            }
        });
        steps.continueWith(ctx, signedIn, next);
    }

    /** The pending sign-in, read once for the request; without one, the person starts again at the password. */
    private Waiting resolve(Context ctx, String next) {
        return Refusable.call(() -> pendingSignIns.resolve(steps.pending(ctx)),
                refusal -> passwordStep.startAgain(ctx, next, refusal));
    }

    private void show(Context ctx, int status, Waiting waiting, String next, String error) {
        // Each showing gets a fresh challenge: the last one was used up by the answer that was refused.
        CeremonyStart key = waiting.kinds().contains(MfaDeviceKind.WEBAUTHN)
                ? securityKeyStep.challenge(waiting) : null;
        templates.render(ctx, status, "signin-mfa.jte", new MfaCodeView(csrf.forAnonymousForm(ctx), next,
                waiting.user().userName(), error, NextPaths.signInThen(next),
                waiting.kinds().contains(MfaDeviceKind.TOTP), key == null ? null : key.handle(),
                key == null ? null : key.optionsJson()));
    }
}
