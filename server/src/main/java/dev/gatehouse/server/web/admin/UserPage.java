package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaDevices;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.session.SessionService;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.mail.ActivationMail;
import dev.gatehouse.server.web.SessionOwners;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminFrame;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.PrincipalAssignmentForm;
import dev.gatehouse.server.web.view.admin.UserView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /admin/users/{userName}}: one user with their groups, what they hold in which account, and their active
 * sessions; issuing a new activation link, ending sessions, adding them to or removing them from groups, and
 * assigning them a permission set in an account or removing that again (which ends their sessions). Their MFA
 * devices are listed too, each deleted through {@link UserMfaPages}.
 */
final class UserPage {

    static final String PATH = AdminPaths.USERS + "/{userName}";
    /** Accounts and permission sets offered in a user's or group's assign form; any other can still be typed. */
    static final int SUGGESTED = 200;

    private final IdentityStoreService identityStore;
    private final AccessModelService accessModel;
    private final ActivationService activations;
    private final SessionService sessions;
    private final MfaDevices mfaDevices;
    private final String publicUrl;
    private final Templates templates;
    private final ActivationMail activationMail;

    UserPage(IdentityStoreService identityStore, AccessModelService accessModel, ActivationService activations,
             SessionService sessions, MfaDevices mfaDevices, String publicUrl, Templates templates,
             ActivationMail activationMail) {
        this.identityStore = identityStore;
        this.accessModel = accessModel;
        this.activations = activations;
        this.sessions = sessions;
        this.mfaDevices = mfaDevices;
        this.publicUrl = publicUrl;
        this.templates = templates;
        this.activationMail = activationMail;
    }

    void mount(AdminRoutes routes) {
        routes.get(PATH, this::show);
        routes.post(PATH + "/activation-link", this::issueActivationLink);
        routes.post(PATH + "/activation-mail", this::mailActivationLink);
        routes.post(PATH + "/sessions/revoke", this::revokeSession);
        routes.post(PATH + "/sessions/revoke-all", this::revokeAllSessions);
        routes.post(PATH + "/groups", this::addToGroup);
        routes.post(PATH + "/groups/remove", this::removeFromGroup);
        routes.post(PATH + "/assignments", this::assign);
        routes.post(PATH + "/assignments/remove", this::unassign);
    }

    static String userName(Context ctx) {
        return ctx.pathParam("userName");
    }

    /** The assign form of a user's or group's page. */
    static PrincipalAssignmentForm assignmentForm(Context ctx) {
        return new PrincipalAssignmentForm(Forms.text(ctx, "account").strip(),
                Forms.text(ctx, "permissionSet").strip());
    }

    private void show(Context ctx, Admin admin) {
        render(ctx, admin, admin.frame("users", ctx), 200, userName(ctx), null, "", PrincipalAssignmentForm.empty(),
                Map.of());
    }

    /** Also the reset-password link: the password the user then sets replaces the old one. */
    private void issueActivationLink(Context ctx, Admin admin) {
        showWithNewActivationLink(ctx, admin, userName(ctx),
                "A new activation link was issued. Send it to the user: it works once, for 7 days.");
    }

    /** With a mail server, the link goes to the user's address and never shows in the page. */
    private void mailActivationLink(Context ctx, Admin admin) {
        String userName = userName(ctx);
        String to = activationMail.send(userName, admin.actor(), RequestContexts.of(ctx)).orElseThrow();
        render(ctx, admin, admin.frame("users", "A new activation link was mailed to " + to + "."), 200, userName,
                null, "", PrincipalAssignmentForm.empty(), Map.of());
    }

    /** A new user's link: mailed when a mail server is configured, else shown once for the administrator to send. */
    void activateNewUser(Context ctx, Admin admin, User user) {
        if (activationMail.available() && user.email() != null && !user.email().isBlank()) {
            String to = activationMail.send(user.userName(), admin.actor(), RequestContexts.of(ctx)).orElseThrow();
            render(ctx, admin, admin.frame("users", "The user was created. Their activation link was mailed to "
                    + to + "."), 200, user.userName(), null, "", PrincipalAssignmentForm.empty(), Map.of());
        } else {
            showWithNewActivationLink(ctx, admin, user.userName(), "The user was created.");
        }
    }

    /** Shown in the page, never in a URL: whoever holds the link can set the user's password. */
    void showWithNewActivationLink(Context ctx, Admin admin, String userName, String notice) {
        String token = activations.issue(userName, admin.actor(), RequestContexts.of(ctx));
        render(ctx, admin, admin.frame("users", notice), 200, userName, publicUrl + "/activate?token=" + token, "",
                PrincipalAssignmentForm.empty(), Map.of());
    }

    private void revokeSession(Context ctx, Admin admin) {
        User owner = identityStore.user(userName(ctx));
        sessions.revoke(SessionOwners.of(owner), Forms.text(ctx, "sessionId"), admin.actor(), RequestContexts.of(ctx));
        Notice.SESSION_REVOKED.redirect(ctx, AdminPaths.user(owner.userName()));
    }

    private void revokeAllSessions(Context ctx, Admin admin) {
        User owner = identityStore.user(userName(ctx));
        sessions.revokeAll(SessionOwners.of(owner), admin.actor(), RequestContexts.of(ctx));
        Notice.SESSIONS_REVOKED.redirect(ctx, AdminPaths.user(owner.userName()));
    }

    private void addToGroup(Context ctx, Admin admin) {
        String userName = userName(ctx);
        String groupName = Forms.text(ctx, "groupName");
        Refusable.run(() -> identityStore.addMember(groupName, userName, admin.actor(), RequestContexts.of(ctx)),
                refusal -> render(ctx, admin, admin.frame("users", (String) null), 400, userName, null, groupName,
                        PrincipalAssignmentForm.empty(), FieldErrors.of(refusal, "Group", "groupName",
                                "GroupMembership", "groupName")));
        Notice.MEMBER_ADDED.redirect(ctx, AdminPaths.user(userName));
    }

    private void removeFromGroup(Context ctx, Admin admin) {
        String userName = userName(ctx);
        identityStore.removeMember(Forms.text(ctx, "groupName"), userName, admin.actor(), RequestContexts.of(ctx));
        Notice.MEMBER_REMOVED.redirect(ctx, AdminPaths.user(userName));
    }

    private void assign(Context ctx, Admin admin) {
        User user = identityStore.user(userName(ctx));
        PrincipalAssignmentForm form = assignmentForm(ctx);
        Refusable.run(() -> accessModel.assign(form.account(), form.permissionSet(), PrincipalType.USER,
                        user.userName(), admin.actor(), RequestContexts.of(ctx)),
                refusal -> render(ctx, admin, admin.frame("users", (String) null), 400, user.userName(), null, "",
                        form, FieldErrors.of(refusal, "Account", "account", "Permission set", "permissionSet",
                                "AccountAssignment", "permissionSet")));
        Notice.ASSIGNED.redirect(ctx, AdminPaths.user(user.userName()));
    }

    private void unassign(Context ctx, Admin admin) {
        User user = identityStore.user(userName(ctx));
        PrincipalAssignmentForm form = assignmentForm(ctx);
        accessModel.unassign(form.account(), form.permissionSet(), PrincipalType.USER, user.userName(),
                admin.actor(), RequestContexts.of(ctx));
        Notice.UNASSIGNED.redirect(ctx, AdminPaths.user(user.userName()));
    }

    private void render(Context ctx, Admin admin, AdminFrame frame, int status, String userName,
                        String activationLink, String groupName, PrincipalAssignmentForm assignment,
                        Map<String, String> errors) {
        User user = identityStore.user(userName);
        templates.render(ctx, status, "admin/user.jte", new UserView(frame, Rows.user(user),
                identityStore.groupsOf(user.userName()).stream().map(Group::displayName).toList(),
                accessModel.effectiveAssignmentsOf(user.userName()).stream().map(Rows::assignment).toList(),
                accessModel.listAccounts(null, SUGGESTED).stream().map(Rows::account).toList(),
                accessModel.listPermissionSets(null, SUGGESTED).stream().map(PermissionSet::name).toList(),
                sessions.activeSessionsOf(user.userId()).stream()
                        .map(session -> Rows.session(session, admin.sessionId())).toList(),
                activationLink, groupName, assignment, errors,
                mfaDevices.list(user.userId()).stream().map(UserMfaPages::row).toList(),
                activationMail.available()));
    }
}
