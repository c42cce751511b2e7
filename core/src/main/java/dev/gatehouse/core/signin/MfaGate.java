package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.Auditor;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What follows a verified first factor, as the {@link MfaPolicy} says: a session, a pending sign-in that waits for
 * a second factor or for the enrolment of one, or a refusal. Every way in (a password today; a directory bind or an
 * external identity provider later) passes through here, so MFA applies to each alike.
 */
public final class MfaGate {

    static final DomainError NO_DEVICE = new DomainError.AccessDenied("Your account needs multi-factor "
            + "authentication, but no MFA device is registered for it. Contact your administrator.");

    private final MfaPolicy policy;
    private final PendingSignIns pendingSignIns;
    private final RememberedBrowsers rememberedBrowsers;
    private final BrowserSessions browserSessions;
    private final AuditLog audit;

    public MfaGate(MfaPolicy policy, PendingSignIns pendingSignIns, RememberedBrowsers rememberedBrowsers,
                   BrowserSessions browserSessions, AuditLog audit) {
        this.policy = policy;
        this.pendingSignIns = pendingSignIns;
        this.rememberedBrowsers = rememberedBrowsers;
        this.browserSessions = browserSessions;
        this.audit = audit;
    }

    /**
     * Runs in the first factor's transaction. Empty when the policy refuses the user (audited; the caller throws
     * {@link #NO_DEVICE} once the audit is committed).
     *
     * @param rememberedCookie what this browser was given by {@link RememberedBrowsers.Remembered}, or null
     */
    Optional<SignInOutcome> afterFirstFactor(User user, String rememberedCookie, RequestContext context) {
        List<MfaDevice> devices = pendingSignIns.confirmedDevices(user.userId());
        boolean remembered = policy.mode() == MfaPolicy.Mode.CONTEXT_AWARE
                && rememberedBrowsers.recognises(rememberedCookie, user, devices);
        Auditor auditor = audit.as(Actor.user(user.userId(), user.userName()), EventSource.SIGN_IN, context);
        return switch (policy.afterPassword(!devices.isEmpty(), remembered)) {
            case SIGN_IN -> Optional.of(browserSessions.start(user, null, remembered ? "rememberedBrowser" : null,
                    context));
            case SECOND_FACTOR -> {
                Set<MfaDeviceKind> kinds = PendingSignIns.kindsOf(devices);
                Pending pending = pendingSignIns.start(user, Purpose.SECOND_FACTOR);
                for (MfaDeviceKind kind : kinds) {
                    auditor.success("CredentialChallenge", SignInAudit.credential(user.userName(), kind.name()));
                }
                yield Optional.of(new SecondFactorNeeded(pending, kinds));
            }
            case ENROL -> Optional.of(new EnrolmentNeeded(pendingSignIns.start(user, Purpose.ENROLMENT)));
            case REFUSE -> {
                auditor.failure("UserAuthentication", SignInAudit.credential(user.userName(), SignInAudit.PASSWORD),
                        NO_DEVICE);
                yield Optional.empty();
            }
        };
    }

    /**
     * After an external identity provider authenticated the user: the provider owns MFA then (as in IAM Identity
     * Center with an external source), so Gatehouse asks for no second factor of its own and starts the session,
     * auditing why ({@code mfaSkipped}) and what the provider said it checked ({@code credential}: amr, acr).
     */
    SignedIn afterExternalAuthentication(User user, Map<String, Object> credential, RequestContext context) {
        return browserSessions.start(user, credential, null, "externalIdentityProvider", context);
    }
}
