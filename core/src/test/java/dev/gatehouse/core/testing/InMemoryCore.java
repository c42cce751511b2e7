package dev.gatehouse.core.testing;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.CoreSettings;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.password.Mailer;
import dev.gatehouse.core.session.Lifetimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Core's services as the server assembles them, over an {@link InMemoryStore}, a {@link SteppedClock} and one
 * sealing key: what a service test needs to run the real code without a database. Mail sent is kept in
 * {@link #mails}.
 */
public final class InMemoryCore {

    public static final Instant START = Instant.parse("2026-11-26T10:00:10Z");
    public static final String PUBLIC_URL = "http://localhost:8080";
    public static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");

    public final InMemoryStore store = new InMemoryStore();
    public final SteppedClock clock = new SteppedClock(START);
    public final CountingPasswordHasher hasher = new CountingPasswordHasher();
    public final SealingKey sealingKey = new SealingKey(1, Secrets.randomBytes(32), START);
    public final Instance instance = new Instance("arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", "d-9067a1b2c3",
            "eu-west-1", PUBLIC_URL + "/start", List.of("https://acme.awsapps.com/start"), START);
    public final List<Mailer.Mail> mails = new ArrayList<>();
    /** Opens the directory of an LDAP source: none unless a test puts its stand-in here before services(). */
    public dev.gatehouse.core.identitysource.LdapDirectory.Connector ldapConnector = (settings, password) -> {
        throw new dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable("no directory here", null);
    };

    /** The services with the default settings (MFA asked when a device is enrolled). */
    public CoreServices services() {
        return services(MfaPolicy.DEFAULT);
    }

    public CoreServices services(MfaPolicy mfa) {
        CoreSettings settings = new CoreSettings(Lifetimes.defaults(), mfa, PUBLIC_URL, "Gatehouse",
                Duration.ofMinutes(15), null);
        return CoreServices.assemble(store, clock, settings, () -> instance, () -> List.of(sealingKey), hasher,
                mails::add, (ldap, password) -> ldapConnector.open(ldap, password));
    }

    /** An enabled user, stored: {@code "ed.developer"} gets ed.developer@example.com. */
    public User user(String userName) {
        User user = new User(UUID.randomUUID().toString(), userName, userName, userName, "Tester",
                userName + "@example.com", UserStatus.ENABLED, false, null, clock.instant(), clock.instant());
        store.users().insert(user);
        return user;
    }

    /** An enabled user with a password, stored. */
    public User user(String userName, String password) {
        User user = user(userName).withPasswordHash(hasher.hash(password.toCharArray()), clock.instant());
        store.users().update(user);
        return user;
    }
}
