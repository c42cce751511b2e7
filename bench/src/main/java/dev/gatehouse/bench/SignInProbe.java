package dev.gatehouse.bench;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.server.Services;
import dev.gatehouse.store.BulkSeed;

/**
 * The probe user's password sign-in, through the step the sign-in page calls ({@code PasswordStep}). Seeded users
 * have no password: the probe is given one through an activation link, as a person would set theirs.
 */
final class SignInProbe {

    private static final RequestContext BROWSER = new RequestContext("data-scale-run", "127.0.0.1", "data-scale-run");

    private final Services services;
    private final char[] password;
    private final String hash;

    private SignInProbe(Services services, char[] password) {
        this.services = services;
        this.password = password;
        this.hash = services.core().identityStore().user(BulkSeed.PROBE_USER).passwordHash();
    }

    /** A new one each run: the password history refuses one the probe had before. */
    static String newPassword() {
        return "Scale-" + Secrets.newToken("") + "-1a";
    }

    static SignInProbe withPassword(Services services, String password) {
        RequestContext context = RequestContext.commandLine("data-scale-run");
        String link = services.core().activations().issue(BulkSeed.PROBE_USER, Actor.administratorCli(), context);
        services.core().activations().setPassword(link, password.toCharArray(), context);
        return new SignInProbe(services, password.toCharArray());
    }

    long users() {
        return services.core().identityStore().countUsers();
    }

    SignInOutcome signIn() {
        return services.core().passwordStep().signIn(BulkSeed.PROBE_USER, password.clone(), BROWSER);
    }

    boolean checkHashOnly() {
        return services.passwordHasher().matches(password.clone(), hash);
    }
}
