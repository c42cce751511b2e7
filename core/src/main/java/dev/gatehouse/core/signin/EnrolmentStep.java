package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import dev.gatehouse.core.storage.Transactions;

/**
 * The step of a user without an MFA device whom the policy makes enrol one at sign-in: an authenticator app is
 * registered, and its first code both confirms it and completes the sign-in, in one transaction.
 */
public final class EnrolmentStep {

    private final AuthenticatorApps apps;
    private final SecondFactors secondFactors;
    private final Transactions transactions;

    public EnrolmentStep(AuthenticatorApps apps, SecondFactors secondFactors, Transactions transactions) {
        this.apps = apps;
        this.secondFactors = secondFactors;
        this.transactions = transactions;
    }

    /** Starts registering an authenticator app, named {@code name} until the user chooses another. */
    public Enrolment start(Waiting waiting, String name, RequestContext context) {
        User user = enrolling(waiting);
        return apps.startEnrolment(user.userId(), name, Actor.user(user.userId(), user.userName()), context);
    }

    /** The same enrolment again (after a wrong first code), so the QR code already scanned stays valid. */
    public Enrolment resume(Waiting waiting, String deviceId) {
        return apps.resume(enrolling(waiting).userId(), deviceId);
    }

    /**
     * Names and confirms the app with its first code and completes the sign-in with it; a wrong code changes
     * nothing.
     */
    public SignedIn complete(Waiting waiting, String deviceId, String name, String code, RequestContext context) {
        User user = enrolling(waiting);
        return transactions.inTransaction(() -> {
            MfaDevice device = apps.confirmEnrolment(user.userId(), deviceId, name, code,
                    Actor.user(user.userId(), user.userName()), context);
            return secondFactors.finish(waiting, device, context);
        });
    }

    private static User enrolling(Waiting waiting) {
        if (waiting.purpose() != Purpose.ENROLMENT) {
            throw PendingSignIns.expired();
        }
        return waiting.user();
    }
}
