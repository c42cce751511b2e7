package dev.gatehouse.core.mfa;

import java.time.Instant;

/**
 * A second factor registered by a user. For an authenticator app the shared secret is kept only sealed
 * (see {@link SecretSealer}), and {@code lastUsedStep} is the newest TOTP time step accepted, so that no
 * code is accepted twice. A device counts only once {@code confirmedAt} is set, by a first right code.
 */
public record MfaDevice(String deviceId, String userId, MfaDeviceKind kind, String name, String sealedSecret,
                        long lastUsedStep, Instant createdAt, Instant confirmedAt) {

    /** Below every real time step, so any code may be the first. */
    public static final long NO_STEP_USED = -1;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
