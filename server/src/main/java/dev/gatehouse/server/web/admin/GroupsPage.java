package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.GroupsView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /admin/groups}: the groups a page at a time, and the form that creates one. */
final class GroupsPage {

    private final IdentityStoreService identityStore;
    private final Templates templates;

    GroupsPage(IdentityStoreService identityStore, Templates templates) {
        this.identityStore = identityStore;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.GROUPS, this::list);
        routes.post(AdminPaths.GROUPS, this::create);
    }

    private void list(Context ctx, Admin admin) {
        show(ctx, admin, 200, Forms.optionalQuery(ctx, "after"), "", "", Map.of());
    }

    private void create(Context ctx, Admin admin) {
        String displayName = Forms.text(ctx, "displayName");
        String description = Forms.text(ctx, "description");
        Group group = Refusable.call(() -> identityStore.createGroup(displayName, description, admin.actor(),
                        RequestContexts.of(ctx)),
                refusal -> show(ctx, admin, 400, null, displayName, description,
                        FieldErrors.of(refusal, "Group", "displayName")));
        Notice.GROUP_CREATED.redirect(ctx, AdminPaths.group(group.displayName()));
    }

    private void show(Context ctx, Admin admin, int status, String after, String displayName, String description,
                      Map<String, String> errors) {
        Page<Group> page = identityStore.groupPage(after, UsersPage.PAGE_SIZE);
        String next = page.nextToken() == null ? null
                : AdminPaths.GROUPS + "?after=" + AdminPaths.segment(page.nextToken());
        templates.render(ctx, status, "admin/groups.jte", new GroupsView(admin.frame("groups", ctx),
                page.items().stream().map(Rows::group).toList(), next, displayName, description, errors));
    }
}
