package dev.gatehouse.core.instance;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.storage.Transactions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one-time link with which a fresh installation gets its first administrator, when none exists and none is
 * configured: offered once per start, it lives {@link #LIFETIME}, works once and, unless the operator allows any
 * address, only from the server's own machine. Using it creates the administrator and hands on to the activation
 * page, where they set a password; MFA enrolment follows at their first sign-in, as for everyone.
 *
 * <p>Administrators are also the members of the configured admin group: once anyone is in it, no link is offered;
 * and while the identity source is not the built-in directory (OIDC, SAML, LDAP) with an admin group configured, the
 * administrators are to come from that source's group, so a local user made by the link could not even sign in.
 *
 * <p>The link is held in memory only (as its hash): a restart offers a new one and the old one dies with the process.
 */
public final class FirstAdministratorSetup {

    public static final Duration LIFETIME = Duration.ofHours(1);

    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9a-fA-F.:]+");

    private final UserRepository users;
    private final IdentityStoreService identityStore;
    private final ActivationService activations;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final boolean fromAnyAddress;
    private final Administrators administrators;
    private final Supplier<IdentitySource> identitySource;

    private String tokenHash;
    private Instant expiresAt;

    public FirstAdministratorSetup(UserRepository users, IdentityStoreService identityStore,
                                   ActivationService activations, Transactions transactions, Clock clock,
                                   AuditLog audit, boolean fromAnyAddress, Administrators administrators,
                                   Supplier<IdentitySource> identitySource) {
        this.users = users;
        this.identityStore = identityStore;
        this.activations = activations;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.fromAnyAddress = fromAnyAddress;
        this.administrators = administrators;
        this.identitySource = identitySource;
    }

    /**
     * The admin group whose members are to administer this installation, while nobody does yet and the identity
     * source (not the built-in directory) is to provide them; empty otherwise. For the operator's start-up line.
     */
    public Optional<String> awaitedAdminGroup() {
        if (anyAdministrator() || identitySource.get().kind() == IdentitySource.Kind.BUILT_IN) {
            return Optional.empty();
        }
        return administrators.group();
    }

    private boolean anyAdministrator() {
        return users.anyAdministrator() || administrators.anyThroughGroup();
    }

    /**
     * A new link token when nobody administers this installation yet, replacing any earlier one; empty when an
     * administrator exists. The caller shows it to the operator.
     */
    public synchronized Optional<String> offer(RequestContext context) {
        if (anyAdministrator() || awaitedAdminGroup().isPresent()) {
            return Optional.empty();
        }
        String token = Secrets.newToken("ghs_");
        Instant now = clock.instant();
        tokenHash = Secrets.hash(token);
        expiresAt = now.plus(LIFETIME);
        audit.as(Actor.setupLink(), EventSource.IDENTITY_STORE, context).success("CreateSetupLink", Map.of(),
                Map.of("expiresAt", expiresAt.toString()));
        return Optional.of(token);
    }

    /** Refuses a token that is not the live link, or a caller the link does not serve. */
    public synchronized void check(String token, RequestContext context) {
        if (!fromAnyAddress && !isLoopback(context.sourceIpAddress())) {
            throw new DomainException(new DomainError.AccessDenied("The setup link works only on the server's own "
                    + "machine. Open it there, or set GATEHOUSE_SETUP_FROM_ANY_ADDRESS=true."));
        }
        if (tokenHash == null || token == null || !clock.instant().isBefore(expiresAt)
                || !Secrets.equal(tokenHash, Secrets.hash(token))) {
            throw new DomainException(new DomainError.ExpiredToken("This setup link is invalid, expired or already "
                    + "used. Restart Gatehouse for a new one while it has no administrator."));
        }
    }

    /**
     * Uses the link: creates {@code administrator} (with the administrator flag whatever the request says) and
     * returns the activation token with which they set their password. The link is spent only when both succeed.
     */
    public synchronized String createAdministrator(String token, NewUser administrator, RequestContext context) {
        check(token, context);
        NewUser asAdministrator = new NewUser(administrator.userName(), administrator.displayName(),
                administrator.givenName(), administrator.familyName(), administrator.email(), true);
        String activation = transactions.inTransaction(() -> {
            if (anyAdministrator()) {
                throw new DomainException(new DomainError.AccessDenied("Gatehouse has an administrator already."));
            }
            identityStore.createUser(asAdministrator, Actor.setupLink(), context);
            return activations.issue(asAdministrator.userName(), Actor.setupLink(), context);
        });
        tokenHash = null;
        expiresAt = null;
        return activation;
    }

    private static boolean isLoopback(String address) {
        // Only a literal address is parsed (getByName then looks nothing up); anything else is not loopback.
        if (address == null || !LITERAL_ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
