package dev.gatehouse.core.password;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One-time links with which a user sets their password, first or again. Only the newest link of a user works, and
 * using it ends every session: whoever knew the old password is signed out.
 */
public final class ActivationService {

    private final UserRepository users;
    private final ActivationRepository activations;
    private final PasswordHistoryRepository passwordHistory;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Lifetimes lifetimes;

    public ActivationService(UserRepository users, ActivationRepository activations,
                             PasswordHistoryRepository passwordHistory, SessionRepository sessions,
                             Transactions transactions, Clock clock, AuditLog audit, PasswordHasher hasher,
                             Lifetimes lifetimes) {
        this.users = users;
        this.activations = activations;
        this.passwordHistory = passwordHistory;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
        this.lifetimes = lifetimes;
    }

    /**
     * Issues a link token for the user, ending their earlier unused links; the caller turns it into a URL. Only its
     * hash is stored.
     */
    public String issue(String userName, Actor actor, RequestContext context) {
        String token = Secrets.newToken("gha_");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = users.findByUserName(userName)
                    .orElseThrow(() -> DomainException.notFound("User", userName));
            int earlier = activations.markAllUsedOf(user.userId(), now);
            activations.insert(new ActivationLink(Secrets.hash(token), user.userId(), now,
                    now.plus(lifetimes.activationLink()), null));
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("CreateActivationLink",
                    Map.of("userName", userName),
                    Map.of("expiresAt", now.plus(lifetimes.activationLink()).toString(),
                            "earlierLinksRevoked", earlier));
            return token;
        });
    }

    /** A link just issued: its token (only its hash is stored), its end, and how many earlier links it ended. */
    record Issued(String token, Instant expiresAt, int earlierLinksRevoked) { }

    /**
     * Issues a link that lives {@code lifetime} in the caller's transaction, ending the user's earlier unused links;
     * the caller audits it.
     */
    Issued issue(User user, Duration lifetime) {
        String token = Secrets.newToken("gha_");
        Instant now = clock.instant();
        int earlier = activations.markAllUsedOf(user.userId(), now);
        activations.insert(new ActivationLink(Secrets.hash(token), user.userId(), now, now.plus(lifetime), null));
        return new Issued(token, now.plus(lifetime), earlier);
    }

    /** The user the link is for, if it can still be used. */
    public User userFor(String token) {
        ActivationLink link = usableLink(token);
        return users.findById(link.userId()).orElseThrow(ActivationService::unusable);
    }

    /**
     * Sets the password the link is for, unless it breaks the {@link PasswordPolicy} or is one of the user's last
     * {@value PasswordPolicy#REMEMBERED}; the new hash is remembered in the same transaction.
     */
    public void setPassword(String token, char[] password, RequestContext context) {
        PasswordPolicy.check(password);
        User holder = userFor(token); // a dead link must not cost a password hash
        PasswordPolicy.checkNotReused(password, holder.passwordHash(),
                passwordHistory.latest(holder.userId()), hasher);
        String hash = hasher.hash(password);
        transactions.run(() -> {
            ActivationLink link = usableLink(token);
            User user = users.findById(link.userId()).orElseThrow(ActivationService::unusable);
            Instant now = clock.instant();
            if (!activations.markUsed(link.tokenHash(), now)) {
                throw unusable();
            }
            users.update(user.withPasswordHash(hash, now));
            passwordHistory.record(user.userId(), hash, now, PasswordPolicy.REMEMBERED);
            int otherLinks = activations.markAllUsedOf(user.userId(), now);
            int endedSessions = sessions.revokeAllOf(user.userId(), now);
            audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context).success("PasswordSet",
                    Map.of("userName", user.userName()),
                    Map.of("otherLinksRevoked", otherLinks, "sessionsRevoked", endedSessions));
        });
    }

    private ActivationLink usableLink(String token) {
        if (token == null || token.isBlank()) {
            throw unusable();
        }
        return activations.findByTokenHash(Secrets.hash(token))
                .filter(link -> link.usableAt(clock.instant()))
                .orElseThrow(ActivationService::unusable);
    }

    private static DomainException unusable() {
        return new DomainException(new DomainError.ExpiredToken(
                "This activation link is invalid, expired or already used. Ask your administrator for a new one."));
    }
}
