package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AccountView;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.AssignmentForm;
import dev.gatehouse.server.web.view.admin.ConfirmView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /admin/accounts/{accountId}}: who holds which permission set in one account; assigning a permission set to
 * a user or group, removing an assignment (which ends the sessions that relied on it), and deleting the account.
 */
final class AccountPage {

    private static final String PATH = AdminPaths.ACCOUNTS + "/{accountId}";
    /** Offered as suggestions in the assign form; any other name can still be typed. */
    private static final int SUGGESTED_PERMISSION_SETS = 200;

    private final AccessModelService accessModel;
    private final Templates templates;

    AccountPage(AccessModelService accessModel, Templates templates) {
        this.accessModel = accessModel;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(PATH + "/assignments", this::assign);
        routes.post(PATH + "/assignments/remove", this::unassign);
        routes.get(PATH + "/delete", this::confirmDelete);
        routes.post(PATH + "/delete", this::delete);
    }

    private Account account(Context ctx) {
        return accessModel.account(ctx.pathParam("accountId"));
    }

    private void show(Context ctx, Admin admin) {
        render(ctx, admin, 200, account(ctx), AssignmentForm.empty(), Map.of());
    }

    private void assign(Context ctx, Admin admin) {
        Account account = account(ctx);
        AssignmentForm form = form(ctx);
        Refusable.run(() -> accessModel.assign(account.accountId(), form.permissionSet(), principalType(form),
                        form.principal(), admin.actor(), RequestContexts.of(ctx)),
                refusal -> render(ctx, admin, 400, account, form, FieldErrors.of(refusal, "Permission set",
                        "permissionSet", "User", "principal", "Group", "principal", "AccountAssignment",
                        "principal")));
        Notice.ASSIGNED.redirect(ctx, AdminPaths.account(account.accountId()));
    }

    private void unassign(Context ctx, Admin admin) {
        Account account = account(ctx);
        AssignmentForm form = form(ctx);
        accessModel.unassign(account.accountId(), form.permissionSet(), principalType(form), form.principal(),
                admin.actor(), RequestContexts.of(ctx));
        Notice.UNASSIGNED.redirect(ctx, AdminPaths.account(account.accountId()));
    }

    private static AssignmentForm form(Context ctx) {
        return new AssignmentForm(Forms.text(ctx, "permissionSet").strip(), Forms.text(ctx, "principalType"),
                Forms.text(ctx, "principal").strip());
    }

    private static PrincipalType principalType(AssignmentForm form) {
        return switch (form.principalType()) {
            case "USER" -> PrincipalType.USER;
            case "GROUP" -> PrincipalType.GROUP;
            default -> throw DomainException.invalid("principalType", "Choose whether a user or a group is assigned.");
        };
    }

    private void confirmDelete(Context ctx, Admin admin) {
        Account account = account(ctx);
        templates.render(ctx, 200, "admin/confirm.jte", new ConfirmView(admin.frame("accounts", ctx),
                "Delete account", "Delete the account " + account.name() + " (" + account.accountId() + ")?",
                "Its assignments go with it: nobody can get credentials for it any more.",
                AdminPaths.account(account.accountId()) + "/delete", AdminPaths.account(account.accountId())));
    }

    private void delete(Context ctx, Admin admin) {
        accessModel.deleteAccount(account(ctx).accountId(), admin.actor(), RequestContexts.of(ctx));
        Notice.ACCOUNT_DELETED.redirect(ctx, AdminPaths.ACCOUNTS);
    }

    private void render(Context ctx, Admin admin, int status, Account account, AssignmentForm form,
                        Map<String, String> errors) {
        templates.render(ctx, status, "admin/account.jte", new AccountView(admin.frame("accounts", ctx),
                Rows.account(account),
                accessModel.describedAssignments(account.accountId()).stream().map(Rows::assignment).toList(),
                accessModel.listPermissionSets(null, SUGGESTED_PERMISSION_SETS).stream().map(PermissionSet::name)
                        .toList(), form, errors));
    }
}
