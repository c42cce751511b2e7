package dev.gatehouse.core.password;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.Auditor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.password.Mailer.Mail;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.Throttle.Subject;
import dev.gatehouse.core.throttle.Throttle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forgotten passwords, self-service: someone gives a user name or email and the user gets a one-time link by mail.
 * It is an {@link ActivationService} link (only the newest works; using it sets the password under the policy and
 * ends every session) that lives {@link Lifetimes#passwordResetLink()}.
 *
 * <p>The caller learns nothing about the account: the same answer whether it exists, has an email address or was
 * asked for too often, and the same work before the answer (the same lookups, one transaction that counts and
 * audits the request). Issuing the link and mailing it happen after the answer, on the {@link Mailer}'s thread.
 * Requests are limited per user, silently, because each new link cancels the one before; and per source address,
 * openly, since that says nothing about any account.
 */
public final class PasswordResets {

    private static final String USER = "passwordResetUser";
    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String SOURCE_ADDRESS = "passwordResetAddress";

    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final ActivationService activations;
    private final Lifetimes lifetimes;
    private final Mailer mailer;
    private final String linkBase;
    private final String instanceName;
    private final Throttle throttle;

    /**
     * @param mailer       null when no mail server is configured: then only administrators reset passwords
     * @param linkBase     the page a link opens, to which {@code ?token=…} is added
     * @param instanceName how the mail names this Gatehouse (its access portal URL)
     */
    public PasswordResets(UserRepository users, Transactions transactions, Throttle throttle, Clock clock,
                          AuditLog audit, ActivationService activations, Lifetimes lifetimes, Mailer mailer,
                          String linkBase, String instanceName) {
        this.users = users;
        this.transactions = transactions;
        this.throttle = throttle;
        this.clock = clock;
        this.audit = audit;
        this.activations = activations;
        this.lifetimes = lifetimes;
        this.mailer = mailer;
        this.linkBase = linkBase;
        this.instanceName = instanceName;
    }

    /** Whether links can be mailed; without that, people ask an administrator for one. */
    public boolean selfService() {
        return mailer != null;
    }

    /** How long a mailed link works. */
    public Duration linkLifetime() {
        return lifetimes.passwordResetLink();
    }

    /**
     * Mails a reset link to the user named by {@code userNameOrEmail} if there is exactly one such enabled user with
     * an email address and they were not asked for too often; otherwise does nothing visible. Throws only when the
     * source address asked too often, or when links cannot be mailed at all.
     */
    public void request(String userNameOrEmail, RequestContext context) {
        if (!selfService()) {
            throw new DomainException(new DomainError.AccessDenied(
                    "Password reset links are not sent by email here: ask an administrator for one."));
        }
        String typed = userNameOrEmail == null ? "" : userNameOrEmail.strip();
        Subject address = Subject.of(SOURCE_ADDRESS, context.sourceIpAddress(), ThrottlePolicy.PASSWORD_RESET_ADDRESS);
        try {
            throttle.requireAllowed(List.of(address), "password reset requests");
        } catch (DomainException refused) {
            transactions.run(() -> {
                audit.as(Actor.unknown(typed), EventSource.SIGN_IN, context).failure("PasswordResetRequested",
                        Map.of("userNameOrEmail", typed), refused.error());
            });
            throw refused;
        }
        Optional<User> found = find(typed);
        // Counted per account when there is one, so its user name and its email share one count.
        Subject user = Subject.of(USER, found.map(User::userId).orElse(typed), ThrottlePolicy.PASSWORD_RESET_USER);
        Auditor auditor = audit.as(Actor.unknown(typed), EventSource.SIGN_IN, context);
        Optional<User> holder = transactions.inTransaction(() -> {
            boolean allowed = allowed(user);
            throttle.recordFailure(List.of(address, user));
            if (found.isEmpty() || !allowed) {
                DomainError refused = found.isEmpty()
                        ? new DomainError.NotFound("User", typed, "No enabled user with an email address is named "
                                + typed)
                        : new DomainError.TooManyRequests("Too many password reset requests for this user");
                auditor.failure("PasswordResetRequested", Map.of("userNameOrEmail", typed), refused);
                return Optional.<User>empty();
            }
            auditor.success("PasswordResetRequested",
                    Map.of("userNameOrEmail", typed, "userName", found.get().userName()));
            return found;
        });
        holder.ifPresent(h -> mailer.composeAndSend(() -> Optional.of(issueLink(h, auditor))));
    }

    /** After the answer: the link, which revokes the user's earlier ones, audited with when it expires. */
    private Mail issueLink(User holder, Auditor auditor) {
        return transactions.inTransaction(() -> {
            ActivationService.Issued link = activations.issue(holder, lifetimes.passwordResetLink());
            auditor.success("PasswordResetLinkIssued", Map.of("userName", holder.userName()),
                    Map.of("expiresAt", link.expiresAt().toString(),
                            "earlierLinksRevoked", link.earlierLinksRevoked()));
            return mail(holder, link);
        });
    }

    /** The one enabled user with an email address that the text names, as a user name or else as an email. */
    private Optional<User> find(String typed) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        // Both lookups every time: a name that exists must not answer sooner than one that does not.
        Optional<User> byName = users.findByUserName(typed);
        List<User> byEmail = users.withEmail(typed);
        List<User> candidates = byName.isPresent() ? List.of(byName.get()) : byEmail;
        List<User> reachable = candidates.stream()
                .filter(u -> u.enabled() && u.email() != null && !u.email().isBlank())
                .toList();
        // An email shared by several accounts does not say which one to reset.
        return reachable.size() == 1 ? Optional.of(reachable.getFirst()) : Optional.empty();
    }

    private boolean allowed(Subject user) {
        try {
            throttle.requireAllowed(List.of(user), "password reset requests");
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    private Mail mail(User user, ActivationService.Issued link) {
        String body = """
                Hello %s,

                Someone asked to reset the password of your account %s at %s.
                To choose a new password, open this link within %s (until %s):

                %s?token=%s

                The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
                """.formatted(greeting(user), user.userName(), instanceName, hours(linkLifetime()),
                UNTIL.format(link.expiresAt()), linkBase, link.token());
        return new Mail(user.email(), "Reset your password", body);
    }

    private static String greeting(User user) {
        return user.displayName() != null && !user.displayName().isBlank() ? user.displayName() : user.userName();
    }

    private static String hours(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        return minutes % 60 == 0
                ? (minutes / 60) + (minutes == 60 ? " hour" : " hours")
                : minutes + " minutes";
    }
}
