package dev.gatehouse.core.mfa;

/** The kinds of second factor a user can register. Security keys and passkeys (WebAuthn) come later. */
public enum MfaDeviceKind {
    TOTP
}
