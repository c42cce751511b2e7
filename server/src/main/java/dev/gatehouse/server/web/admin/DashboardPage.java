package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.ManagementAccount;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.server.mail.MailQueue;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.DashboardView;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * {@code /admin}: the instance's identifiers, its management account, and the settings a developer pastes into
 * {@code configure sso}.
 */
final class DashboardPage {

    private final Supplier<Instance> instance;
    private final String endpointUrl;
    private final IdentityStoreService identityStore;
    private final ManagementAccount managementAccount;
    private final MailQueue mailQueue;
    private final Templates templates;

    DashboardPage(Supplier<Instance> instance, String endpointUrl, IdentityStoreService identityStore,
                  ManagementAccount managementAccount, MailQueue mailQueue, Templates templates) {
        this.instance = instance;
        this.endpointUrl = endpointUrl;
        this.identityStore = identityStore;
        this.managementAccount = managementAccount;
        this.mailQueue = mailQueue;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.ROOT, this::show);
    }

    private void show(Context ctx, Admin admin) {
        Instance current = instance.get();
        templates.render(ctx, 200, "admin/dashboard.jte", new DashboardView(admin.frame("dashboard", ctx),
                current.portalUrl(), current.startUrlAliases(), current.region(), current.identityStoreId(),
                current.instanceArn(), endpointUrl, identityStore.countUsers(),
                managementAccount.account().map(a -> a.accountId() + " (" + a.name() + ")").orElse(null),
                managementAccount.chosen(), mailQueue.entries().size()));
    }
}
