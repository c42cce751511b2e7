package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AccountsView;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /admin/accounts}: the accounts a page at a time, and the form that creates one. */
final class AccountsPage {

    private final AccessModelService accessModel;
    private final Templates templates;

    AccountsPage(AccessModelService accessModel, Templates templates) {
        this.accessModel = accessModel;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.ACCOUNTS, this::list);
        routes.post(AdminPaths.ACCOUNTS, this::create);
    }

    private void list(Context ctx, Admin admin) {
        show(ctx, admin, 200, Forms.optionalQuery(ctx, "after"), "", "", "", Map.of());
    }

    private void create(Context ctx, Admin admin) {
        String accountId = Forms.text(ctx, "accountId").strip();
        String name = Forms.text(ctx, "name");
        String email = Forms.text(ctx, "email");
        Account account = Refusable.call(() -> accessModel.createAccount(accountId, name, email, admin.actor(),
                        RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, null, accountId, name, email,
                        FieldErrors.of(refusal, "Account", takenField(refusal, accountId))));
        Notice.ACCOUNT_CREATED.redirect(ctx, AdminPaths.account(account.accountId()));
    }

    /** Both the id and the name are unique; the error names the one that was taken. */
    private static String takenField(DomainError refusal, String accountId) {
        return refusal instanceof DomainError.AlreadyExists exists && !exists.name().equals(accountId)
                ? "name" : "accountId";
    }

    private void show(Context ctx, Admin admin, int status, String after, String accountId, String name,
                      String email, Map<String, String> errors) {
        Page<Account> page = accessModel.accountPage(after, UsersPage.PAGE_SIZE);
        String next = page.nextToken() == null ? null
                : AdminPaths.ACCOUNTS + "?after=" + AdminPaths.segment(page.nextToken());
        templates.render(ctx, status, "admin/accounts.jte", new AccountsView(admin.frame("accounts", ctx),
                page.items().stream().map(Rows::account).toList(), next, accountId, name, email, errors));
    }
}
