package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.Auditor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.password.PasswordHasher;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.Throttle.Lockout;
import dev.gatehouse.core.throttle.Throttle.Subject;
import dev.gatehouse.core.throttle.Throttle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first step with a password: the built-in directory's, or with an LDAP source the directory's
 * ({@link DirectoryPasswords}), behind the same throttle. Failures are throttled per user name and per source
 * address (see {@link ThrottlePolicy}); a name that does not exist is counted and answered exactly like one that
 * does, so neither the message nor the timing tells them apart.
 */
public final class PasswordStep {

    private static final String USER_NAME = "userName";
    private static final String SOURCE_ADDRESS = "sourceAddress";
    /** Failed binds per name, counted against the directory's lockout policy (an LDAP source only). */
    private static final String DIRECTORY_BINDS = "directoryBinds";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Throttle throttle;
    private final Transactions transactions;
    private final AuditLog audit;
    private final MfaGate mfaGate;
    private final OwnCredentials ownCredentials;
    private final String unknownUserHash;
    private final IdentitySourceRepository identitySource;
    private final DirectoryPasswords directoryPasswords;

    public PasswordStep(UserRepository users, PasswordHasher hasher, Throttle throttle, Transactions transactions,
                        AuditLog audit, MfaGate mfaGate, IdentitySourceRepository identitySource,
                        DirectoryPasswords directoryPasswords) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.audit = audit;
        this.mfaGate = mfaGate;
        this.ownCredentials = new OwnCredentials(identitySource);
        this.identitySource = identitySource;
        this.directoryPasswords = directoryPasswords;
        // Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
        this.unknownUserHash = hasher.decoy();
    }

    public SignInOutcome signIn(String userName, char[] password, RequestContext context) {
        return signIn(userName, password, null, context);
    }

    /** @param rememberedCookie what this browser was given by {@link RememberedBrowsers.Remembered}, or null */
    public SignInOutcome signIn(String userName, char[] password, String rememberedCookie, RequestContext context) {
        ownCredentials.requireInUse();
        boolean directory = identitySource.find().map(s -> s.kind() == Kind.LDAP).orElse(false);
        List<Subject> throttled = new ArrayList<>(List.of(Subject.of(USER_NAME, userName, ThrottlePolicy.USER_NAME),
                Subject.of(SOURCE_ADDRESS, context.sourceIpAddress(), ThrottlePolicy.SIGN_IN_ADDRESS)));
        if (directory) {
            directoryPasswords.lockoutThrottle()
                    .ifPresent(policy -> throttled.add(Subject.of(DIRECTORY_BINDS, userName, policy)));
        }
        try {
            // Before the password check: a throttled guess costs no hash, reaches no directory, learns nothing.
            throttle.requireAllowed(throttled, "failed sign-ins");
        } catch (DomainException refused) {
            recordFailure(userName, context, refused.error(), List.of());
            throw refused;
        }
        Optional<User> found;
        boolean passwordMatches;
        if (directory) {
            try {
                found = userName == null ? Optional.empty()
                        : directoryPasswords.check(userName.strip(), password == null ? new char[0] : password,
                        context);
            } catch (DomainException refused) {
                recordFailure(userName, context, refused.error(), List.of());
                throw refused;
            }
            passwordMatches = found.isPresent();
        } else {
            found = userName == null ? Optional.empty() : users.findByUserName(userName.strip());
            passwordMatches = hasher.matches(password == null ? new char[0] : password,
                    found.map(User::passwordHash).orElse(unknownUserHash))
                    && found.map(User::passwordHash).isPresent();
        }
        if (found.isEmpty() || !passwordMatches || !found.get().enabled()) {
            DomainError error = new DomainError.InvalidCredentials();
            recordFailure(userName, context, error, throttled);
            throw new DomainException(error);
        }
        User user = found.get();
        Optional<SignInOutcome> outcome = transactions.inTransaction(() -> {
            // Every count of the name starts again, as the directory's own does after a successful bind.
            throttled.stream().filter(subject -> !subject.kind().equals(SOURCE_ADDRESS)).forEach(throttle::succeeded);
            SignInAudit.challengeAndVerification(auditorOf(user, context), user.userName(), SignInAudit.PASSWORD,
                    null);
            return mfaGate.afterFirstFactor(user, rememberedCookie, context);
        });
        return outcome.orElseThrow(() -> new DomainException(MfaGate.NO_DEVICE));
    }

    /** Audits the failed attempt and counts it against {@code counted} (none when the throttle refused it). */
    private void recordFailure(String userName, RequestContext context, DomainError error, List<Subject> counted) {
        String name = String.valueOf(userName);
        Auditor auditor = audit.as(Actor.unknown(userName), EventSource.SIGN_IN, context);
        transactions.run(() -> {
            if (!counted.isEmpty()) {
                // The password was checked (a throttled attempt never gets that far).
                SignInAudit.challengeAndVerification(auditor, name, SignInAudit.PASSWORD, error);
            }
            auditor.failure("UserAuthentication", SignInAudit.credential(name, SignInAudit.PASSWORD), error);
            for (Lockout lockout : throttle.recordFailure(counted)) {
                // Recorded once per lockout, not per refused attempt; the name may be one that does not exist.
                String event = lockout.subject().kind().equals(SOURCE_ADDRESS) ? "SourceAddressLockedOut"
                        : "UserLockedOut";
                auditor.success(event, Map.of("userName", name, "failures", lockout.failures()),
                        Map.of("lockedUntil", lockout.until().toString()));
            }
        });
    }

    private Auditor auditorOf(User user, RequestContext context) {
        return audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context);
    }
}
