package dev.gatehouse.core.mfa;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import java.util.List;

/**
 * A user's second factors of every kind, as the portal and the admin console manage them: listed together,
 * renamed and deleted through the service of their kind, which audits the change.
 */
public final class MfaDevices {

    private final MfaDeviceRepository mfaDevices;
    private final AuthenticatorApps apps;
    private final SecurityKeys keys;

    public MfaDevices(MfaDeviceRepository mfaDevices, AuthenticatorApps apps, SecurityKeys keys) {
        this.mfaDevices = mfaDevices;
        this.apps = apps;
        this.keys = keys;
    }

    /** The user's working devices, oldest first; an authenticator app never confirmed is not one. */
    public List<MfaDevice> list(String userId) {
        return mfaDevices.listByUser(userId).stream()
                .filter(MfaDevice::confirmed)
                .toList();
    }

    public void rename(String userId, String deviceId, String name, Actor actor, RequestContext context) {
        switch (kindOf(userId, deviceId)) {
            case TOTP -> apps.rename(userId, deviceId, name, actor, context);
            case WEBAUTHN -> keys.rename(userId, deviceId, name, actor, context);
        }
    }

    public void delete(String userId, String deviceId, Actor actor, RequestContext context) {
        switch (kindOf(userId, deviceId)) {
            case TOTP -> apps.delete(userId, deviceId, actor, context);
            case WEBAUTHN -> keys.delete(userId, deviceId, actor, context);
        }
    }

    /** Someone else's device is as good as absent. */
    private MfaDeviceKind kindOf(String userId, String deviceId) {
        return mfaDevices.findById(deviceId == null ? "" : deviceId)
                .filter(d -> d.userId().equals(userId))
                .map(MfaDevice::kind)
                .orElseThrow(() -> DomainException.notFound("MfaDevice", deviceId));
    }
}
