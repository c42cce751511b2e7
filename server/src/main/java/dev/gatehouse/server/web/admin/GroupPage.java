package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.ConfirmView;
import dev.gatehouse.server.web.view.admin.GroupView;
import dev.gatehouse.server.web.view.admin.PrincipalAssignmentForm;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /admin/groups/{groupName}}: one group's members (a page at a time) and what the group is assigned; adding
 * and removing members, assigning the group a permission set in an account and removing that again (which ends the
 * members' sessions), and deleting the group after a confirmation.
 */
final class GroupPage {

    private static final String PATH = AdminPaths.GROUPS + "/{groupName}";

    private final IdentityStoreService identityStore;
    private final AccessModelService accessModel;
    private final Templates templates;

    GroupPage(IdentityStoreService identityStore, AccessModelService accessModel, Templates templates) {
        this.identityStore = identityStore;
        this.accessModel = accessModel;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(PATH + "/members", this::addMember);
        routes.post(PATH + "/members/remove", this::removeMember);
        routes.post(PATH + "/assignments", this::assign);
        routes.post(PATH + "/assignments/remove", this::unassign);
        routes.get(PATH + "/delete", this::confirmDelete);
        routes.post(PATH + "/delete", this::delete);
    }

    private static String groupName(Context ctx) {
        return ctx.pathParam("groupName");
    }

    private void show(Context ctx, Admin admin) {
        render(ctx, admin, 200, Forms.optionalQuery(ctx, "after"), "", PrincipalAssignmentForm.empty(), Map.of());
    }

    private void addMember(Context ctx, Admin admin) {
        Group group = identityStore.group(groupName(ctx));
        String userName = Forms.text(ctx, "userName");
        Refusable.run(() -> identityStore.addMember(group.displayName(), userName, admin.actor(),
                        RequestContexts.of(ctx)),
                refusal -> render(ctx, admin, 400, null, userName, PrincipalAssignmentForm.empty(),
                        FieldErrors.of(refusal, "User", "userName", "GroupMembership", "userName")));
        Notice.MEMBER_ADDED.redirect(ctx, AdminPaths.group(group.displayName()));
    }

    private void removeMember(Context ctx, Admin admin) {
        Group group = identityStore.group(groupName(ctx));
        identityStore.removeMember(group.displayName(), Forms.text(ctx, "userName"), admin.actor(),
                RequestContexts.of(ctx));
        Notice.MEMBER_REMOVED.redirect(ctx, AdminPaths.group(group.displayName()));
    }

    private void assign(Context ctx, Admin admin) {
        Group group = identityStore.group(groupName(ctx));
        PrincipalAssignmentForm form = UserPage.assignmentForm(ctx);
        Refusable.run(() -> accessModel.assign(form.account(), form.permissionSet(), PrincipalType.GROUP,
                        group.displayName(), admin.actor(), RequestContexts.of(ctx)),
                refusal -> render(ctx, admin, 400, null, "", form, FieldErrors.of(refusal, "Account", "account",
                        "Permission set", "permissionSet", "AccountAssignment", "permissionSet")));
        Notice.ASSIGNED.redirect(ctx, AdminPaths.group(group.displayName()));
    }

    private void unassign(Context ctx, Admin admin) {
        Group group = identityStore.group(groupName(ctx));
        PrincipalAssignmentForm form = UserPage.assignmentForm(ctx);
        accessModel.unassign(form.account(), form.permissionSet(), PrincipalType.GROUP, group.displayName(),
                admin.actor(), RequestContexts.of(ctx));
        Notice.UNASSIGNED.redirect(ctx, AdminPaths.group(group.displayName()));
    }

    private void confirmDelete(Context ctx, Admin admin) {
        Group group = identityStore.group(groupName(ctx));
        templates.render(ctx, 200, "admin/confirm.jte", new ConfirmView(admin.frame("groups", ctx), "Delete group",
                "Delete the group " + group.displayName() + "?",
                "Its memberships and account assignments go with it: members lose what the group gave them. "
                        + "The users themselves stay.",
                AdminPaths.group(group.displayName()) + "/delete", AdminPaths.group(group.displayName())));
    }

    private void delete(Context ctx, Admin admin) {
        identityStore.deleteGroup(groupName(ctx), admin.actor(), RequestContexts.of(ctx));
        Notice.GROUP_DELETED.redirect(ctx, AdminPaths.GROUPS);
    }

    private void render(Context ctx, Admin admin, int status, String afterMember, String userName,
                        PrincipalAssignmentForm assignment, Map<String, String> errors) {
        Group group = identityStore.group(groupName(ctx));
        Page<User> members = identityStore.memberPage(group.displayName(), afterMember, UsersPage.PAGE_SIZE);
        String next = members.nextToken() == null ? null
                : AdminPaths.group(group.displayName()) + "?after=" + AdminPaths.segment(members.nextToken());
        templates.render(ctx, status, "admin/group.jte", new GroupView(admin.frame("groups", ctx), Rows.group(group),
                members.items().stream().map(Rows::user).toList(), next,
                accessModel.assignmentsOf(PrincipalType.GROUP, group.displayName()).stream()
                        .map(Rows::assignment).toList(),
                accessModel.listAccounts(null, UserPage.SUGGESTED).stream().map(Rows::account).toList(),
                accessModel.listPermissionSets(null, UserPage.SUGGESTED).stream().map(PermissionSet::name).toList(),
                userName, assignment, errors));
    }
}
