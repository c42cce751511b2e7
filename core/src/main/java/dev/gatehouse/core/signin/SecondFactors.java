package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.Auditor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.signin.RememberedBrowsers.Remembered;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.Throttle.Lockout;
import dev.gatehouse.core.throttle.Throttle.Subject;
import dev.gatehouse.core.throttle.Throttle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every second-factor step shares: wrong answers of every kind count against one throttle per user, so
 * switching factor buys no extra guesses; a right one completes the pending sign-in, once, with a session.
 */
public final class SecondFactors {

    /** Per user, across pending sign-ins: 4 free wrong codes, then 1, 2, 4, 8 minutes, then locked 15 minutes. */
    static final ThrottlePolicy PER_USER =
            new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12));

    private static final String SUBJECT = "secondFactorUser";

    private final PendingSignIns pendingSignIns;
    private final Throttle throttle;
    private final Transactions transactions;
    private final AuditLog audit;
    private final MfaPolicy policy;
    private final RememberedBrowsers rememberedBrowsers;
    private final BrowserSessions browserSessions;
    private final OwnCredentials ownCredentials;

    public SecondFactors(PendingSignIns pendingSignIns, Throttle throttle, Transactions transactions, AuditLog audit,
                         MfaPolicy policy, RememberedBrowsers rememberedBrowsers, BrowserSessions browserSessions,
                         IdentitySourceRepository identitySource) {
        this.pendingSignIns = pendingSignIns;
        this.throttle = throttle;
        this.transactions = transactions;
        this.audit = audit;
        this.policy = policy;
        this.rememberedBrowsers = rememberedBrowsers;
        this.browserSessions = browserSessions;
        this.ownCredentials = new OwnCredentials(identitySource);
    }

    /**
     * Completes {@code waiting} with the device {@code check} finds verified, unless the user's wrong answers
     * wait out their back-off; an empty check is a wrong answer, counted and audited.
     */
    SignedIn complete(Waiting waiting, MfaDeviceKind kind, Supplier<Optional<MfaDevice>> check,
                      RequestContext context) {
        ownCredentials.requireInUse();
        User user = waiting.user();
        Auditor auditor = auditorOf(user, context);
        // One transaction checks, verifies and counts, holding the user's count throughout, so racing guesses are
        // taken one at a time and cannot get past the limit. A refusal is committed, then thrown.
        Attempt attempt = transactions.inTransaction(() -> {
            try {
                throttle.requireAllowedInTurn(subjectOf(user), "wrong codes");
            } catch (DomainException refused) {
                auditor.failure("UserAuthentication", SignInAudit.credential(user.userName(), kind.name()),
                        refused.error());
                return new Attempt(null, refused);
            }
            Optional<MfaDevice> device = check.get();
            return device.isEmpty() ? new Attempt(null, refuse(user, kind, auditor))
                    : new Attempt(finish(waiting, device.get(), context), null);
        });
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        return attempt.signedIn();
    }

    /** What one second-factor attempt came to: a session, or the refusal to throw once it is committed. */
    private record Attempt(SignedIn signedIn, DomainException refusal) { }

    /**
     * Ends a pending sign-in with a session, given a second factor already verified for its user (an authenticator
     * app's code, a security key's assertion, or the first code of a device just enrolled). The pending sign-in is
     * used up: completing it twice fails.
     */
    SignedIn finish(Waiting waiting, MfaDevice verified, RequestContext context) {
        User user = waiting.user();
        if (!verified.userId().equals(user.userId()) || !verified.confirmed()) {
            throw new IllegalArgumentException("a second factor of another user, or unconfirmed");
        }
        return transactions.inTransaction(() -> {
            pendingSignIns.useUp(waiting);
            throttle.succeeded(subjectOf(user));
            SignInAudit.verification(auditorOf(user, context), user.userName(), verified.kind().name(), null);
            Remembered remembered = policy.mode() == MfaPolicy.Mode.CONTEXT_AWARE
                    ? rememberedBrowsers.remember(user, pendingSignIns.confirmedDevices(user.userId())) : null;
            return browserSessions.start(user, verified.kind(), null, context).withRemembered(remembered);
        });
    }

    /** Counts and audits a wrong second factor, and returns the error to throw. */
    private DomainException refuse(User user, MfaDeviceKind kind, Auditor auditor) {
        DomainError error = new DomainError.InvalidInput("code", kind == MfaDeviceKind.TOTP
                ? "That code is not right, or was already used. Enter the code your authenticator app shows now."
                : "That MFA device was not recognised. Try again.");
        transactions.run(() -> {
            SignInAudit.verification(auditor, user.userName(), kind.name(), error);
            for (Lockout lockout : throttle.recordFailure(List.of(subjectOf(user)))) {
                auditor.success("UserLockedOut", Map.of("userName", user.userName(), "credentialType", kind.name(),
                        "failures", lockout.failures()), Map.of("lockedUntil", lockout.until().toString()));
            }
        });
        return new DomainException(error);
    }

    private Auditor auditorOf(User user, RequestContext context) {
        return audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context);
    }

    private static Subject subjectOf(User user) {
        return Subject.of(SUBJECT, user.userId(), PER_USER);
    }
}
