package dev.gatehouse.core.mfa;

/** The kinds of second factor a user can register. */
public enum MfaDeviceKind {
    /** An authenticator app (RFC 6238 codes). */
    TOTP,
    /** A security key or passkey (WebAuthn). */
    WEBAUTHN
}
