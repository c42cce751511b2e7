package dev.gatehouse.core.oidc;

import java.time.Instant;

/**
 * An RFC 8628 device authorization. The device code is kept only as a hash; the user code is short-lived
 * and shown to people, so it is kept as typed (normalized, without the dash).
 *
 * @param approvedUserId the user who approved it, once approved
 */
public record DeviceAuthorization(String deviceCodeHash, String userCode, String clientId, String startUrl,
                                  DeviceStatus status, String approvedUserId, int intervalSeconds,
                                  Instant createdAt, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
