package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.PermissionSetForm;
import dev.gatehouse.server.web.view.admin.PermissionSetsView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /admin/permission-sets}: the permission sets a page at a time, and the form that creates one. */
final class PermissionSetsPage {

    private final AccessModelService accessModel;
    private final Templates templates;

    PermissionSetsPage(AccessModelService accessModel, Templates templates) {
        this.accessModel = accessModel;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.PERMISSION_SETS, this::list);
        routes.post(AdminPaths.PERMISSION_SETS, this::create);
    }

    private void list(Context ctx, Admin admin) {
        show(ctx, admin, 200, Forms.optionalQuery(ctx, "after"), PermissionSetForm.empty(), Map.of());
    }

    private void create(Context ctx, Admin admin) {
        PermissionSetForm form = PermissionSetPage.form(ctx, Forms.text(ctx, "name").strip());
        PermissionSet created = Refusable.call(() -> accessModel.createPermissionSet(new NewPermissionSet(
                        form.name(), form.description(), form.sessionDuration(), Forms.lines(form.managedPolicies()),
                        form.inlinePolicy(), form.permissionsBoundary(), form.relayState(),
                        Forms.keyValues("tags", form.tags())), admin.actor(), RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, null, form, FieldErrors.of(refusal, "PermissionSet", "name")));
        Notice.PERMISSION_SET_CREATED.redirect(ctx, AdminPaths.permissionSet(created.name()));
    }

    private void show(Context ctx, Admin admin, int status, String after, PermissionSetForm form,
                      Map<String, String> errors) {
        Page<PermissionSet> page = accessModel.permissionSetPage(after, UsersPage.PAGE_SIZE);
        String next = page.nextToken() == null ? null
                : AdminPaths.PERMISSION_SETS + "?after=" + AdminPaths.segment(page.nextToken());
        templates.render(ctx, status, "admin/permission-sets.jte", new PermissionSetsView(
                admin.frame("permission-sets", ctx), page.items().stream().map(Rows::permissionSet).toList(), next,
                form, errors));
    }
}
