package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.ConfirmView;
import dev.gatehouse.server.web.view.admin.UserEditView;
import dev.gatehouse.server.web.view.admin.UserForm;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Changing one user: their names, email and administrator flag ({@code …/edit}), enabling and disabling them, and
 * deleting them after a confirmation. Disabling and deleting end the user's sessions at once (core does that).
 */
final class UserChangePages {

    private final IdentityStoreService identityStore;
    private final Templates templates;

    UserChangePages(IdentityStoreService identityStore, Templates templates) {
        this.identityStore = identityStore;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(UserPage.PATH + "/edit", this::editForm);
        routes.post(UserPage.PATH + "/edit", this::save);
        routes.post(UserPage.PATH + "/enable", (ctx, admin) -> setStatus(ctx, admin, UserStatus.ENABLED));
        routes.post(UserPage.PATH + "/disable", (ctx, admin) -> setStatus(ctx, admin, UserStatus.DISABLED));
        routes.get(UserPage.PATH + "/delete", this::confirmDelete);
        routes.post(UserPage.PATH + "/delete", this::delete);
    }

    private void editForm(Context ctx, Admin admin) {
        User user = identityStore.user(UserPage.userName(ctx));
        UserForm form = new UserForm(user.userName(), orEmpty(user.givenName()), orEmpty(user.familyName()),
                orEmpty(user.displayName()), orEmpty(user.email()), user.administrator());
        templates.render(ctx, 200, "admin/user-edit.jte", new UserEditView(admin.frame("users", ctx), form, Map.of()));
    }

    private void save(Context ctx, Admin admin) {
        String userName = identityStore.user(UserPage.userName(ctx)).userName();
        UserForm form = new UserForm(userName, Forms.text(ctx, "givenName"), Forms.text(ctx, "familyName"),
                Forms.text(ctx, "displayName"), Forms.text(ctx, "email"), Forms.checked(ctx, "administrator"));
        Refusable.run(() -> identityStore.updateUser(userName, new UserChanges(form.displayName(),
                        form.givenName(), form.familyName(), form.email(), form.administrator()), admin.actor(),
                        RequestContexts.of(ctx)),
                refusal -> templates.render(ctx, 400, "admin/user-edit.jte",
                        new UserEditView(admin.frame("users", ctx), form, FieldErrors.of(refusal))));
        Notice.USER_SAVED.redirect(ctx, AdminPaths.user(userName));
    }

    private void setStatus(Context ctx, Admin admin, UserStatus status) {
        User changed = identityStore.setStatus(UserPage.userName(ctx), status, admin.actor(), RequestContexts.of(ctx));
        (status == UserStatus.ENABLED ? Notice.USER_ENABLED : Notice.USER_DISABLED)
                .redirect(ctx, AdminPaths.user(changed.userName()));
    }

    private void confirmDelete(Context ctx, Admin admin) {
        User user = identityStore.user(UserPage.userName(ctx));
        templates.render(ctx, 200, "admin/confirm.jte", new ConfirmView(admin.frame("users", ctx), "Delete user",
                "Delete the user " + user.userName() + "?",
                "Their group memberships and account assignments go with them, and their sessions end at once. "
                        + "This cannot be undone.",
                AdminPaths.user(user.userName()) + "/delete", AdminPaths.user(user.userName())));
    }

    private void delete(Context ctx, Admin admin) {
        identityStore.deleteUser(UserPage.userName(ctx), admin.actor(), RequestContexts.of(ctx));
        Notice.USER_DELETED.redirect(ctx, AdminPaths.USERS);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
