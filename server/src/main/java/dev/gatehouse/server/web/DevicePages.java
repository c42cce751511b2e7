package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.DeviceAuthorizations.PendingRequest;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.UserCodes;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.DeviceConfirmView;
import dev.gatehouse.server.web.view.DeviceDecidedView;
import dev.gatehouse.server.web.view.DeviceEntryView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /device}: the RFC 8628 verification page. A signed-in person enters (or follows a link carrying) the
 * code their device shows, sees which client asks, and approves or denies it. Nothing is approved by merely
 * opening a link: the decision is always a POST with the session's CSRF token.
 */
final class DevicePages {

    static final String PATH = "/device";
    private static final String USER_CODE = "user_code";

    private final DeviceAuthorizations devices;
    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Templates templates;
    private final Clock clock;

    DevicePages(DeviceAuthorizations devices, SessionCookies sessions, Csrf csrf, Templates templates, Clock clock) {
        this.devices = devices;
        this.sessions = sessions;
        this.csrf = csrf;
        this.templates = templates;
        this.clock = clock;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::open);
        routes.post(PATH, this::enter);
        routes.post(PATH + "/decision", this::decide);
    }

    /** Opened from the verification URI, with the code in the query when the device gave the complete one. */
    private void open(Context ctx) {
        String query = ctx.queryString();
        Optional<BrowserSession> browser = signedInOrRedirect(ctx, query == null ? PATH : PATH + "?" + query);
        if (browser.isEmpty()) {
            return;
        }
        String userCode = ctx.queryParam(USER_CODE);
        if (userCode == null || userCode.isBlank()) {
            showEntry(ctx, 200, browser.get(), "", null);
        } else {
            showConfirmation(ctx, browser.get(), userCode);
        }
    }

    /** The code as typed into the entry form. */
    private void enter(Context ctx) {
        Optional<BrowserSession> browser = signedInOrRedirect(ctx, returnPath(ctx.formParam(USER_CODE)));
        if (browser.isEmpty()) {
            return;
        }
        csrf.checkSignedIn(ctx, browser.get());
        showConfirmation(ctx, browser.get(), ctx.formParam(USER_CODE));
    }

    private void decide(Context ctx) {
        String userCode = ctx.formParam(USER_CODE);
        Optional<BrowserSession> browser = signedInOrRedirect(ctx, returnPath(userCode));
        if (browser.isEmpty()) {
            return;
        }
        csrf.checkSignedIn(ctx, browser.get());
        String decision = ctx.formParam("decision");
        Refusable.run(() -> {
            switch (decision == null ? "" : decision) {
                case "approve" -> devices.approve(userCode, browser.get().user(), RequestContexts.of(ctx));
                case "deny" -> devices.deny(userCode, browser.get().user(), RequestContexts.of(ctx));
                default -> throw DomainException.invalid("decision", "Choose Approve or Deny.");
            }
        }, refusal -> showEntry(ctx, browser.get(), userCode, refusal));
        templates.render(ctx, 200, "device-decided.jte", new DeviceDecidedView("approve".equals(decision)));
    }

    private void showConfirmation(Context ctx, BrowserSession browser, String typedUserCode) {
        // Unknown, expired or used: the person corrects the code in the form, whatever core's reason was.
        PendingRequest pending = Refusable.call(() -> devices.pending(typedUserCode, browser.user(),
                RequestContexts.of(ctx)), refusal -> showEntry(ctx, browser, typedUserCode, refusal));
        ExpiryText expiry = ExpiryText.of(pending.expiresAt(), clock.instant());
        templates.render(ctx, 200, "device-confirm.jte", new DeviceConfirmView(browser.user().userName(),
                browser.session().csrfToken(), pending.userCode(), pending.clientName(), expiry.iso(),
                expiry.at(), expiry.in()));
    }

    /** A wrong code is corrected in the form (400); too many wrong codes say so in the status too. */
    private void showEntry(Context ctx, BrowserSession browser, String userCode, DomainError refusal) {
        HtmlErrors.HtmlError shown = HtmlErrors.describe(refusal);
        showEntry(ctx, refusal instanceof DomainError.TooManyRequests ? shown.status() : 400, browser, userCode,
                shown.message());
    }

    private void showEntry(Context ctx, int status, BrowserSession browser, String userCode, String error) {
        templates.render(ctx, status, "device-entry.jte", new DeviceEntryView(browser.user().userName(),
                browser.session().csrfToken(), userCode == null ? "" : userCode, error));
    }

    /** The session, or a redirect to sign in that comes back to {@code returnPath}. */
    private Optional<BrowserSession> signedInOrRedirect(Context ctx, String returnPath) {
        Optional<BrowserSession> browser = sessions.current(ctx);
        if (browser.isEmpty()) {
            ctx.redirect(NextPaths.signInThen(returnPath), HttpStatus.SEE_OTHER);
        }
        return browser;
    }

    /** After signing in, a posted form comes back as the prefilled page, when its code is well formed. */
    private static String returnPath(String typedUserCode) {
        String code = UserCodes.normalize(typedUserCode);
        return code == null ? PATH : PATH + "?" + USER_CODE + "=" + UserCodes.display(code);
    }
}
