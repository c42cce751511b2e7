package dev.gatehouse.core.signin;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SecurityKeys;

/** The second step with a security key or passkey: a challenge for the browser to sign, then its answer. */
public final class SecurityKeyStep {

    private final SecurityKeys keys;
    private final SecondFactors secondFactors;

    public SecurityKeyStep(SecurityKeys keys, SecondFactors secondFactors) {
        this.keys = keys;
        this.secondFactors = secondFactors;
    }

    /** A challenge for the waiting user to sign with one of their security keys or passkeys. */
    public CeremonyStart challenge(Waiting waiting) {
        return keys.startAssertion(waiting.user().userId());
    }

    /**
     * {@code responseJson} is what the browser answered to the challenge {@code handle}. Refusals count with wrong
     * app codes, so switching factor buys no extra guesses.
     */
    public SignedIn complete(Waiting waiting, String handle, String responseJson, RequestContext context) {
        String userId = waiting.user().userId();
        return secondFactors.complete(waiting, MfaDeviceKind.WEBAUTHN,
                () -> keys.finishAssertion(userId, handle, responseJson, context), context);
    }
}
