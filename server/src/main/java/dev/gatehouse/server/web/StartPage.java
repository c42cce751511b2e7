package dev.gatehouse.server.web;

import dev.gatehouse.core.portal.BrowserPortal.AccountRoles;
import dev.gatehouse.core.portal.BrowserPortal;
import dev.gatehouse.core.signin.BrowserSession;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.web.view.CliSettings;
import dev.gatehouse.server.web.view.Nav;
import dev.gatehouse.server.web.view.StartView.AccountView;
import dev.gatehouse.server.web.view.StartView.RoleView;
import dev.gatehouse.server.web.view.StartView;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code /start}, the access portal URL: the person's accounts with their roles, searched with {@code ?q=}, each
 * role with its access keys and command-line settings. {@code ?account_id=…&role_name=…} shows that one role
 * selected: the script turns AWS-style deep links ({@code /start#/console?account_id=…&role_name=…}, whose
 * fragment never reaches a server) into that.
 */
final class StartPage {

    static final String PATH = "/start";

    private final BrowserPortal portal;
    private final SignedInOnly signedIn;
    private final Templates templates;
    private final CliSettings cli;

    StartPage(BrowserPortal portal, SignedInOnly signedIn, Templates templates, CliSettings cli) {
        this.portal = portal;
        this.signedIn = signedIn;
        this.templates = templates;
        this.cli = cli;
    }

    void mount(PageRoutes routes) {
        routes.get(PATH, this::show);
    }

    private void show(Context ctx) {
        Optional<BrowserSession> browser = signedIn.sessionOrSignIn(ctx);
        if (browser.isEmpty()) {
            return;
        }
        String accountId = ctx.queryParam("account_id");
        String notice = null;
        if (accountId != null) {
            String roleName = ctx.queryParam("role_name");
            Optional<AccountRoles> account = portal.account(browser.get(), accountId)
                    .filter(a -> roleName == null || a.roleNames().stream().anyMatch(roleName::equalsIgnoreCase));
            if (account.isPresent()) {
                render(ctx, 200, browser.get(), "", List.of(view(account.get(), roleName)), true, null, null, null);
                return;
            }
            notice = roleName == null ? "You have no role in account " + accountId + "."
                    : "You have no role “" + roleName + "” in account " + accountId + ".";
        }
        String search = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        String pageToken = ctx.queryParam("page");
        Page<AccountRoles> page = portal.accounts(browser.get(), search, pageToken);
        String searched = search.isEmpty() ? PATH : PATH + "?q=" + NextPaths.encodeQueryValue(search);
        String next = page.nextToken() == null ? null
                : searched + (search.isEmpty() ? "?" : "&") + "page=" + page.nextToken();
        String first = pageToken == null || pageToken.isEmpty() ? null : searched;
        render(ctx, notice == null ? 200 : 404, browser.get(), search,
                page.items().stream().map(a -> view(a, null)).toList(), false, notice, next, first);
    }

    private void render(Context ctx, int status, BrowserSession browser, String search, List<AccountView> accounts,
                        boolean selection, String notice, String nextPageHref, String firstPageHref) {
        templates.render(ctx, status, "start.jte", new StartView(signedIn.nav(browser, Nav.Section.ACCOUNTS),
                cli, search, accounts, selection, notice, nextPageHref, firstPageHref));
    }

    private static AccountView view(AccountRoles account, String selectedRole) {
        String accountId = account.account().accountId();
        return new AccountView(accountId, account.account().name(), account.account().email(),
                account.roleNames().stream().map(role -> new RoleView(accountId, role,
                        AccessKeysPage.href(accountId, role), role.equalsIgnoreCase(selectedRole))).toList());
    }
}
