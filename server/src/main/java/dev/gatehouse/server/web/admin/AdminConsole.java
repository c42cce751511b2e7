package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.server.mail.ActivationMail;
import dev.gatehouse.server.mail.MailQueue;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.PageRoutes;
import dev.gatehouse.server.web.SessionCookies;
import dev.gatehouse.server.web.Templates;
import java.util.function.Supplier;

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
    private final IdentitySourcePage identitySource;
    private final ScimTokensPage scimTokens;
    private final MailPage mail;
    private final SessionCookies sessions;
    private final Csrf csrf;
    private final Administrators administrators;

    public AdminConsole(CoreServices core, Supplier<Instance> instance, String publicUrl, SessionCookies sessions,
                        Csrf csrf, Templates templates, ActivationMail activationMail, MailQueue mailQueue) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.administrators = core.administrators();
        this.dashboard = new DashboardPage(instance, publicUrl, core.identityStore(), core.managementAccount(),
                mailQueue, templates);
        this.user = new UserPage(core.identityStore(), core.accessModel(), core.activations(), core.sessions(),
                core.mfaDevices(), publicUrl, templates, activationMail);
        this.users = new UsersPage(core.identityStore(), user, templates);
        this.userChanges = new UserChangePages(core.identityStore(), templates);
        this.userMfa = new UserMfaPages(core.identityStore(), core.mfaDevices(), templates);
        this.userAttributes = new UserAttributesPage(core.identityStore(), core.accessControlAttributes(),
                templates);
        this.groups = new GroupsPage(core.identityStore(), templates);
        this.group = new GroupPage(core.identityStore(), core.accessModel(), templates);
        this.accounts = new AccountsPage(core.accessModel(), templates);
        this.account = new AccountPage(core.accessModel(), templates);
        this.permissionSets = new PermissionSetsPage(core.accessModel(), templates);
        this.permissionSet = new PermissionSetPage(core.accessModel(), templates);
        this.events = new EventsPage(core.auditQueries(), templates);
        this.simulate = new SimulatePage(core.simulator(), templates);
        this.identitySource = new IdentitySourcePage(core.identitySources(), core.auditQueries(), publicUrl,
                templates);
        this.scimTokens = new ScimTokensPage(core.scimTokens(), publicUrl, templates);
        this.mail = new MailPage(mailQueue, core.identityStore(), templates);
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
        identitySource.mount(routes);
        scimTokens.mount(routes);
        mail.mount(routes);
    }
}
