package dev.gatehouse.server.web;

import dev.gatehouse.core.signin.EnrolmentNeeded;
import dev.gatehouse.core.signin.Pending;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.signin.SecondFactorNeeded;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.signin.BrowserSessions;
import dev.gatehouse.server.http.RequestContexts;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where each step of a sign-in leads the browser, and the two cookies of MFA: {@code gatehouse_signin_pending}
 * names a sign-in waiting for its second factor (minutes), {@code gatehouse_mfa_remembered} a browser that
 * context-aware MFA remembers (days). Both hold only random values whose hashes core keeps, and are
 * SameSite=Strict: only our own pages' requests carry them.
 */
final class SignInSteps {

    static final String PENDING = "gatehouse_signin_pending";
    static final String REMEMBERED = "gatehouse_mfa_remembered";
    static final String MFA_PATH = "/signin/mfa";
    static final String ENROL_PATH = "/start/mfa/app";

    private final BrowserSessions browserSessions;
    private final SessionCookies sessions;
    private final CookieWriter cookies;
    private final Clock clock;

    SignInSteps(BrowserSessions browserSessions, SessionCookies sessions, CookieWriter cookies, Clock clock) {
        this.browserSessions = browserSessions;
        this.sessions = sessions;
        this.cookies = cookies;
        this.clock = clock;
    }

    String pending(Context ctx) {
        return ctx.cookie(PENDING);
    }

    String remembered(Context ctx) {
        return ctx.cookie(REMEMBERED);
    }

    /** Answers a step with a redirect: into the portal ({@code next}), or on to the second factor or enrolment. */
    void continueWith(Context ctx, SignInOutcome result, String next) {
        switch (result) {
            case SignedIn signedIn -> finish(ctx, signedIn, next);
            case SecondFactorNeeded needed -> waitFor(ctx, needed.pending(), MFA_PATH, next);
            case EnrolmentNeeded needed -> waitFor(ctx, needed.pending(), ENROL_PATH, next);
        }
    }

    /** The path of the next step, carrying {@code next} on. */
    static String then(String path, String next) {
        return path + "?next=" + NextPaths.encodeQueryValue(next);
    }

    private void waitFor(Context ctx, Pending pending, String path, String next) {
        cookies.write(ctx, PENDING, pending.cookieValue(), CookieWriter.SameSite.STRICT, secondsUntil(pending.expiresAt()));
        ctx.redirect(then(path, next), HttpStatus.SEE_OTHER);
    }

    private void finish(Context ctx, SignedIn signedIn, String next) {
        // A session this browser held before is replaced, not left alive without anyone holding its cookie.
        sessions.current(ctx).ifPresent(previous -> browserSessions.signOut(previous, RequestContexts.of(ctx)));
        sessions.start(ctx, signedIn);
        if (ctx.cookie(PENDING) != null) {
            cookies.clear(ctx, PENDING, CookieWriter.SameSite.STRICT);
        }
        if (signedIn.remembered() != null) {
            cookies.write(ctx, REMEMBERED, signedIn.remembered().cookieValue(), CookieWriter.SameSite.STRICT,
                    secondsUntil(signedIn.remembered().expiresAt()));
        }
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private long secondsUntil(Instant expiresAt) {
        return Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
    }
}
