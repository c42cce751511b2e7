package dev.gatehouse.server.web.view;

import dev.gatehouse.core.mfa.MfaDeviceKind;

/** How the portal and the console name a kind of MFA device. */
public final class MfaDeviceKinds {

    private MfaDeviceKinds() {
    }

    public static String text(MfaDeviceKind kind) {
        return switch (kind) {
            case TOTP -> "Authenticator app";
            case WEBAUTHN -> "Security key or passkey";
        };
    }
}
