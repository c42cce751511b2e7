package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.MfaDeviceKind;

/** The second step with an authenticator app's code; each code works once, wrong ones are throttled. */
public final class AuthenticatorAppStep {

    private final AuthenticatorApps apps;
    private final SecondFactors secondFactors;

    public AuthenticatorAppStep(AuthenticatorApps apps, SecondFactors secondFactors) {
        this.apps = apps;
        this.secondFactors = secondFactors;
    }

    public SignedIn complete(Waiting waiting, String code, RequestContext context) {
        return secondFactors.complete(waiting, MfaDeviceKind.TOTP, () -> apps.verify(waiting.user().userId(), code),
                context);
    }
}
