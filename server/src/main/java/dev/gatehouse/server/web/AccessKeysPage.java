package dev.gatehouse.server.web;

import dev.gatehouse.core.portal.BrowserPortal.RoleAccess;
import dev.gatehouse.core.portal.BrowserPortal;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.view.AccessKeysView;
import dev.gatehouse.server.web.view.Nav;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /start/credentials?account_id=…&role_name=…}: fresh credentials for one role, each time the page is
 * opened. A GET although it mints: it changes nothing but the audit trail, the credentials belong to the session
 * that asked and end with it, and no other site can read the page (same-origin policy, no framing, no-store). So
 * the "Access keys" link works as a link, without script, and reloading the page simply gives new keys.
 */
final class AccessKeysPage {

    static final String PATH = "/start/credentials";

    private final BrowserPortal portal;
    private final SignedInOnly signedIn;
    private final Templates templates;
    private final Clock clock;

    AccessKeysPage(BrowserPortal portal, SignedInOnly signedIn, Templates templates, Clock clock) {
        this.portal = portal;
        this.signedIn = signedIn;
        this.templates = templates;
        this.clock = clock;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::show);
    }

    static String href(String accountId, String roleName) {
        return PATH + "?account_id=" + accountId + "&role_name=" + NextPaths.encodeQueryValue(roleName);
    }

    private void show(Context ctx) {
        Optional<BrowserSession> browser = signedIn.sessionOrSignIn(ctx);
        if (browser.isEmpty()) {
            return;
        }
        RoleAccess access = portal.credentials(browser.get(), ctx.queryParam("account_id"),
                ctx.queryParam("role_name"), RequestContexts.of(ctx));
        templates.render(ctx, 200, "access-keys.jte", new AccessKeysView(
                signedIn.nav(browser.get(), Nav.Section.ACCOUNTS), access.account().accountId(),
                access.account().name(), access.roleName(), access.credentials().accessKeyId(),
                access.credentials().secretAccessKey(), access.credentials().sessionToken(),
                access.credentials().expiration().toString(), PortalTimes.text(access.credentials().expiration()),
                PortalTimes.remaining(clock.instant(), access.credentials().expiration())));
    }
}
