package dev.gatehouse.server.web;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.signin.BrowserSession;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * CSRF tokens for every form, in the hidden field {@code csrf}.
 * <ul>
 *   <li>Anonymous forms (sign-in, activation) have no session to tie a token to, so they use a double-submit
 *       cookie: another site can make the browser send our cookie but cannot read it to copy it into the form.
 *       SameSite=Strict keeps it out of every cross-site request as well.</li>
 *   <li>Signed-in forms echo the session's own token, which core created with the session.</li>
 * </ul>
 * Comparisons are constant-time. A mismatch is a {@link DomainError.CsrfRejected}, thrown before anything changes.
 */
public final class Csrf {

    static final String COOKIE = "gatehouse_csrf";
    static final String FIELD = "csrf";
    /** What {@link Secrets#newToken} makes with an empty prefix: 32 random bytes, base64url. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CookieWriter cookies;

    Csrf(CookieWriter cookies) {
        this.cookies = cookies;
    }

    /**
     * The token for an anonymous form. An existing cookie is reused, so two open tabs both keep working;
     * otherwise a fresh one is set for the browser session.
     */
    String forAnonymousForm(Context ctx) {
        String existing = ctx.cookie(COOKIE);
        if (existing != null && TOKEN_SHAPE.matcher(existing).matches()) {
            return existing;
        }
        String token = Secrets.newToken("");
        cookies.write(ctx, COOKIE, token, CookieWriter.SameSite.STRICT, -1);
        return token;
    }

    void checkAnonymous(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        require(cookie != null && TOKEN_SHAPE.matcher(cookie).matches() ? cookie : null, ctx.formParam(FIELD));
    }

    public void checkSignedIn(Context ctx, BrowserSession browser) {
        require(browser.session().csrfToken(), ctx.formParam(FIELD));
    }

    private static void require(String expected, String submitted) {
        if (expected == null || expected.isEmpty() || !Secrets.equal(expected, submitted)) {
            throw new DomainException(new DomainError.CsrfRejected());
        }
    }
}
