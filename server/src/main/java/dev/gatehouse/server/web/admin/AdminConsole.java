package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.PageRoutes;
import dev.gatehouse.server.web.SessionCookies;
import dev.gatehouse.server.web.Templates;

/**
 * The admin console under {@code /admin}: users, groups, accounts, permission sets, assignments, sessions and the
 * audit trail, for administrators only. Every change goes through the same core services as
 * {@code gatehouse-server admin}, so it takes effect at once and is audited, with the administrator as the actor.
 */
public final class AdminConsole {

    private final DashboardPage dashboard;
    private final UsersPage users;
    private final UserPage user;
    private final UserChangePages userChanges;
    private final UserAttributesPage userAttributes;
    private final GroupsPage groups;
    private final GroupPage group;
    private final AccountsPage accounts;
    private final AccountPage account;
    private final PermissionSetsPage permissionSets;
    private final PermissionSetPage permissionSet;
    private final EventsPage events;
    private final UserMfaPages userMfa;
    private final SimulatePage simulate;
    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Administrators administrators;

    public AdminConsole(Services services, SessionCookies sessions, Csrf csrf, Templates templates) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.administrators = services.administrators();
        this.dashboard = new DashboardPage(services::instance, services.config().http().publicUrl(),
                services.identityStore(), templates);
        this.user = new UserPage(services.identityStore(), services.accessModel(), services.activations(),
                services.sessions(), services.mfaDevices(), services.config().http().publicUrl(), templates);
        this.users = new UsersPage(services.identityStore(), user, templates);
        this.userChanges = new UserChangePages(services.identityStore(), templates);
        this.userMfa = new UserMfaPages(services.identityStore(), services.mfaDevices(), templates);
        this.userAttributes = new UserAttributesPage(services.identityStore(), services.accessControlAttributes(),
                templates);
        this.groups = new GroupsPage(services.identityStore(), templates);
        this.group = new GroupPage(services.identityStore(), services.accessModel(), templates);
        this.accounts = new AccountsPage(services.accessModel(), templates);
        this.account = new AccountPage(services.accessModel(), templates);
        this.permissionSets = new PermissionSetsPage(services.accessModel(), templates);
        this.permissionSet = new PermissionSetPage(services.accessModel(), templates);
        this.events = new EventsPage(services.auditQueries(), templates);
        this.simulate = new SimulatePage(services.simulator(), templates);
    }

    public void mount(PageRoutes pages) {
        AdminRoutes routes = new AdminRoutes(pages, sessions, csrf, administrators);
        dashboard.mount(routes);
        users.mount(routes);
        user.mount(routes);
        userChanges.mount(routes);
        userMfa.mount(routes);
        userAttributes.mount(routes);
        groups.mount(routes);
        group.mount(routes);
        accounts.mount(routes);
        account.mount(routes);
        permissionSets.mount(routes);
        permissionSet.mount(routes);
        events.mount(routes);
        simulate.mount(routes);
    }
}
