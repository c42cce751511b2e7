package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.UserForm;
import dev.gatehouse.server.web.view.admin.UsersView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /admin/users}: the users a page at a time, searchable by the start of their name, and the form that
 * creates one. A created user's page shows their activation link at once, to copy and send.
 */
final class UsersPage {

    static final int PAGE_SIZE = 50;

    private final IdentityStoreService identityStore;
    private final UserPage userPage;
    private final Templates templates;

    UsersPage(IdentityStoreService identityStore, UserPage userPage, Templates templates) {
        this.identityStore = identityStore;
        this.userPage = userPage;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.USERS, this::list);
        routes.post(AdminPaths.USERS, this::create);
    }

    private void list(Context ctx, Admin admin) {
        show(ctx, admin, 200, Forms.query(ctx, "search"), Forms.optionalQuery(ctx, "after"), UserForm.empty(),
                Map.of());
    }

    /**
     * Not a redirect: the activation link is a secret that must not travel in a URL. Posting again would only
     * be refused, the name being taken.
     */
    private void create(Context ctx, Admin admin) {
        UserForm form = new UserForm(Forms.text(ctx, "userName"), Forms.text(ctx, "givenName"),
                Forms.text(ctx, "familyName"), Forms.text(ctx, "displayName"), Forms.text(ctx, "email"),
                Forms.checked(ctx, "administrator"));
        User user = Refusable.call(() -> identityStore.createUser(new NewUser(form.userName(), form.displayName(),
                        form.givenName(), form.familyName(), form.email(), form.administrator()), admin.actor(),
                        RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, "", null, form, FieldErrors.of(refusal, "User", "userName")));
        userPage.activateNewUser(ctx, admin, user);
    }

    private void show(Context ctx, Admin admin, int status, String search, String after, UserForm form,
                      Map<String, String> errors) {
        Page<User> page = identityStore.searchUsers(search, after, PAGE_SIZE);
        String next = page.nextToken() == null ? null : AdminPaths.USERS + "?search=" + AdminPaths.segment(search)
                + "&after=" + AdminPaths.segment(page.nextToken());
        templates.render(ctx, status, "admin/users.jte", new UsersView(admin.frame("users", ctx), search,
                page.items().stream().map(Rows::user).toList(), next, form, errors));
    }
}
