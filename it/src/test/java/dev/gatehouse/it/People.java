package dev.gatehouse.it;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.server.Services;

/** People set up the way an administrator would: created, then activated through their one-time link. */
public final class People {

    private static final RequestContext SETUP = RequestContext.commandLine("it-setup");

    private People() {
    }

    /** Creates the user and sets their password through the activation link, so they can sign in at once. */
    public static void createActive(Services services, NewUser user, String password) {
        services.core().identityStore().createUser(user, Entitlement.ADMIN, SETUP);
        services.core().activations().setPassword(services.core().activations().issue(user.userName(), Entitlement.ADMIN, SETUP),
                password.toCharArray(), SETUP);
    }
}
