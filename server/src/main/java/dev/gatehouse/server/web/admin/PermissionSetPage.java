package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService.PermissionSetChanges;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.ConfirmView;
import dev.gatehouse.server.web.view.admin.PermissionSetForm;
import dev.gatehouse.server.web.view.admin.PermissionSetView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code /admin/permission-sets/{name}}: one permission set in the form that edits it — description, session
 * duration, managed policies, inline policy (the policy engine's refusal beside the field; a JSON error names
 * its line), permissions boundary, relay state and tags — deleting it after a confirmation, and a link to
 * simulate a request against it.
 */
final class PermissionSetPage {

    private static final String PATH = AdminPaths.PERMISSION_SETS + "/{name}";

    private final AccessModelService accessModel;
    private final Templates templates;

    PermissionSetPage(AccessModelService accessModel, Templates templates) {
        this.accessModel = accessModel;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(PATH, this::save);
        routes.get(PATH + "/delete", this::confirmDelete);
        routes.post(PATH + "/delete", this::delete);
    }

    /** The form as typed; the name comes from the page for an edit, from the field for a new set. */
    static PermissionSetForm form(Context ctx, String name) {
        return new PermissionSetForm(name, Forms.text(ctx, "description"), Forms.text(ctx, "sessionDuration"),
                Forms.text(ctx, "managedPolicies"), Forms.text(ctx, "inlinePolicy"),
                Forms.text(ctx, "permissionsBoundary"), Forms.text(ctx, "relayState"),
                Forms.text(ctx, "tags"));
    }

    private PermissionSet permissionSet(Context ctx) {
        return accessModel.permissionSet(ctx.pathParam("name"));
    }

    private void show(Context ctx, Admin admin) {
        PermissionSet set = permissionSet(ctx);
        PermissionSetForm form = new PermissionSetForm(set.name(), orEmpty(set.description()),
                set.sessionDuration().toString(), String.join("\n", set.managedPolicies()),
                orEmpty(set.inlinePolicy()), orEmpty(set.permissionsBoundary()), orEmpty(set.relayState()),
                new TreeMap<>(set.tags()).entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                        .collect(Collectors.joining("\n")));
        render(ctx, admin, 200, set, form, Map.of());
    }

    private void save(Context ctx, Admin admin) {
        PermissionSet set = permissionSet(ctx);
        PermissionSetForm form = form(ctx, set.name());
        Refusable.run(() -> accessModel.updatePermissionSet(set.permissionSetArn(),
                        new PermissionSetChanges(form.description(), form.sessionDuration(),
                                Forms.lines(form.managedPolicies()), form.inlinePolicy(), form.permissionsBoundary(),
                                form.relayState(), Forms.keyValues("tags", form.tags())),
                        admin.actor(), RequestContexts.of(ctx)),
                refusal -> render(ctx, admin, 400, set, form, FieldErrors.of(refusal)));
        Notice.PERMISSION_SET_SAVED.redirect(ctx, AdminPaths.permissionSet(set.name()));
    }

    private void confirmDelete(Context ctx, Admin admin) {
        PermissionSet set = permissionSet(ctx);
        templates.render(ctx, 200, "admin/confirm.jte", new ConfirmView(admin.frame("permission-sets", ctx),
                "Delete permission set", "Delete the permission set " + set.name() + "?",
                "Its assignments in every account go with it: nobody can get its role's credentials any more.",
                AdminPaths.permissionSet(set.name()) + "/delete", AdminPaths.permissionSet(set.name())));
    }

    private void delete(Context ctx, Admin admin) {
        accessModel.deletePermissionSet(permissionSet(ctx).permissionSetArn(), admin.actor(), RequestContexts.of(ctx));
        Notice.PERMISSION_SET_DELETED.redirect(ctx, AdminPaths.PERMISSION_SETS);
    }

    private void render(Context ctx, Admin admin, int status, PermissionSet set, PermissionSetForm form,
                        Map<String, String> errors) {
        templates.render(ctx, status, "admin/permission-set.jte", new PermissionSetView(
                admin.frame("permission-sets", ctx), set.permissionSetArn(), set.roleName(), form, errors));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
