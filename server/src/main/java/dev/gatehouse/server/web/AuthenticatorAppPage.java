package dev.gatehouse.server.web;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.core.signin.EnrolmentStep;
import dev.gatehouse.core.signin.PendingSignIns;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.signin.Waiting;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.AuthenticatorAppView;
import dev.gatehouse.server.web.view.Nav;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code /start/mfa/app}: adding an authenticator app. The page shows a new secret as a QR code and as text, and the
 * app's first code confirms it. Two people come here: someone signed in, from the portal; and someone whose password
 * was right but who must enrol a device before the session starts (a pending sign-in), whom the confirmed app then
 * signs in.
 */
final class AuthenticatorAppPage {

    /** The portal's list of MFA devices, where a signed-in person returns to. */
    static final String DEVICES_PATH = "/start/mfa";

    /** Where the intro's button posts to start an enrolment. */
    static final String START_PATH = SignInSteps.ENROL_PATH + "/new";

    private final AuthenticatorApps apps;
    private final PendingSignIns pendingSignIns;
    private final EnrolmentStep enrolment;
    private final SignInSteps steps;
    private final SignInPages passwordStep;
    private final SessionCookies sessions;
    private final SignedInOnly signedIn;
    private final Csrf csrf;
    private final Templates templates;

    AuthenticatorAppPage(AuthenticatorApps apps, PendingSignIns pendingSignIns, EnrolmentStep enrolment,
                         SignInSteps steps, SignInPages passwordStep, SessionCookies sessions, SignedInOnly signedIn,
                         Csrf csrf, Templates templates) {
        this.apps = apps;
        this.pendingSignIns = pendingSignIns;
        this.enrolment = enrolment;
        this.steps = steps;
        this.passwordStep = passwordStep;
        this.sessions = sessions;
        this.signedIn = signedIn;
        this.csrf = csrf;
        this.templates = templates;
    }

    void mount(PageRoutes routes) {
        routes.get(SignInSteps.ENROL_PATH, this::intro);
        routes.post(START_PATH, this::start);
        routes.post(SignInSteps.ENROL_PATH, this::confirm);
    }

    /** What adding an app involves, and a button that starts it: loading a page changes nothing. */
    private void intro(Context ctx) {
        String next = NextPaths.safe(ctx.queryParam("next"));
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isPresent()) {
            render(ctx, 200, Form.signedIn(signedIn.nav(browser.get(), null), browser.get().user(), null, null, next));
            return;
        }
        String pending = steps.pending(ctx);
        if (pending == null) {
            ctx.redirect(NextPaths.signInThen(SignInSteps.ENROL_PATH), HttpStatus.SEE_OTHER);
            return;
        }
        Refusable.run(DomainError.ExpiredToken.class, () -> {
            Waiting waiting = pendingSignIns.resolve(pending);
            if (waiting.purpose() != Purpose.ENROLMENT) {
                ctx.redirect(SignInSteps.then(SignInSteps.MFA_PATH, next), HttpStatus.SEE_OTHER);
                return;
            }
            render(ctx, 200, Form.atSignIn(waiting.user(), null, null, next));
        }, expired -> passwordStep.startAgain(ctx, next, expired));
    }

    /** Each start is a new enrolment: only the newest QR code can be confirmed. */
    private void start(Context ctx) {
        String next = NextPaths.safe(ctx.formParam("next"));
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isPresent()) {
            csrf.checkSignedIn(ctx, browser.get());
            User user = browser.get().user();
            Enrolment enrolment = apps.startEnrolment(user.userId(), apps.suggestedName(user.userId()),
                    Actor.user(user.userId(), user.userName()), RequestContexts.of(ctx));
            render(ctx, 200, Form.signedIn(signedIn.nav(browser.get(), null), user, enrolment,
                    apps.suggestedName(user.userId()), next));
            return;
        }
        csrf.checkAnonymous(ctx);
        String pending = steps.pending(ctx);
        if (pending == null) {
            ctx.redirect(NextPaths.signInThen(SignInSteps.ENROL_PATH), HttpStatus.SEE_OTHER);
            return;
        }
        Refusable.run(DomainError.ExpiredToken.class, () -> startAtSignIn(ctx, pending, next),
                expired -> passwordStep.startAgain(ctx, next, expired));
    }

    private void startAtSignIn(Context ctx, String pending, String next) {
        Waiting waiting = pendingSignIns.resolve(pending);
        if (waiting.purpose() != Purpose.ENROLMENT) {
            ctx.redirect(SignInSteps.then(SignInSteps.MFA_PATH, next), HttpStatus.SEE_OTHER);
            return;
        }
        String name = apps.suggestedName(waiting.user().userId());
        Enrolment started = enrolment.start(waiting, name, RequestContexts.of(ctx));
        render(ctx, 200, Form.atSignIn(waiting.user(), started, name, next));
    }

    private void confirm(Context ctx) {
        String next = NextPaths.safe(ctx.formParam("next"));
        String deviceId = ctx.formParam("deviceId");
        String name = ctx.formParam("name");
        String code = ctx.formParam("code");
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isPresent()) {
            csrf.checkSignedIn(ctx, browser.get());
            User user = browser.get().user();
            Actor actor = Actor.user(user.userId(), user.userName());
            Refusable.run(() -> apps.confirmEnrolment(user.userId(), deviceId, name, code, actor,
                    RequestContexts.of(ctx)), refusal -> render(ctx, HtmlErrors.describe(refusal).status(),
                    Form.signedIn(signedIn.nav(browser.get(), null), user, apps.resume(user.userId(), deviceId), name,
                            next).withError(refusal)));
            ctx.redirect(DEVICES_PATH, HttpStatus.SEE_OTHER);
            return;
        }
        csrf.checkAnonymous(ctx);
        String pending = steps.pending(ctx);
        Waiting waiting = Refusable.call(DomainError.ExpiredToken.class,
                () -> pendingSignIns.resolveEnrolment(pending), expired -> passwordStep.startAgain(ctx, next, expired));
        SignedIn done = Refusable.call(() -> enrolment.complete(waiting, deviceId, name, code, RequestContexts.of(ctx)),
                refusal -> {
                    if (refusal instanceof DomainError.ExpiredToken) {
                        passwordStep.startAgain(ctx, next, refusal);
                    } else {
                        render(ctx, HtmlErrors.describe(refusal).status(), Form.atSignIn(waiting.user(),
                                enrolment.resume(waiting, deviceId), name, next).withError(refusal));
                    }
                });
        steps.continueWith(ctx, done, next);
    }


    private void render(Context ctx, int status, Form form) {
        String csrfToken = form.nav() != null ? form.nav().csrf() : csrf.forAnonymousForm(ctx);
        Enrolment enrolment = form.enrolment();
        if (enrolment == null) {
            templates.render(ctx, status, "authenticator-app.jte", new AuthenticatorAppView(form.nav(), csrfToken,
                    form.next(), form.userName(), null, null, null, null, null, null, null, form.error()));
            return;
        }
        templates.render(ctx, status, "authenticator-app.jte", new AuthenticatorAppView(form.nav(), csrfToken,
                form.next(), form.userName(), enrolment.deviceId(), form.name(),
                QrCodeSvg.render(enrolment.otpauthUri(), "QR code to scan with your authenticator app"),
                grouped(enrolment.secretText()), enrolment.otpauthUri(), form.nameError(), form.codeError(),
                form.error()));
    }

    /** In groups of four, as apps show keys to type: "ABCD EFGH …". */
    static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }

    /** What the page shows besides the enrolment itself, and where each error goes. */
    private record Form(Nav nav, String userName, Enrolment enrolment, String name, String next, String nameError,
                        String codeError, String error) {

        static Form signedIn(Nav nav, User user, Enrolment enrolment, String name, String next) {
            return new Form(nav, user.userName(), enrolment, name, next, null, null, null);
        }

        static Form atSignIn(User user, Enrolment enrolment, String name, String next) {
            return new Form(null, user.userName(), enrolment, name, next, null, null, null);
        }

        Form withError(DomainError failure) {
            String message = HtmlErrors.describe(failure).message();
            return switch (failure) {
                case DomainError.InvalidInput i when "code".equals(i.field()) ->
                        new Form(nav, userName, enrolment, name, next, null, message, null);
                case DomainError.InvalidInput i when "name".equals(i.field()) ->
                        new Form(nav, userName, enrolment, name, next, message, null, null);
                case DomainError.AlreadyExists a -> new Form(nav, userName, enrolment, name, next,
                        "You already have a device with this name. Choose another.", null, null);
                default -> new Form(nav, userName, enrolment, name, next, null, null, message);
            };
        }
    }
}
