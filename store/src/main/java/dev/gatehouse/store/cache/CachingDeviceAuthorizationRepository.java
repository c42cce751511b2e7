package dev.gatehouse.store.cache;

import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.oidc.DeviceAuthorizationRepository;
import dev.gatehouse.core.oidc.DeviceStatus;
import java.util.Optional;

/**
 * Device authorizations by device-code hash, read by every poll. Only pending ones are kept: the answer a poll is
 * told to wait with. Approving, denying or consuming one goes through {@link #transition}, which invalidates it on
 * every node, so the next poll reads the new status from the database and gets its tokens at once.
 */
final class CachingDeviceAuthorizationRepository implements DeviceAuthorizationRepository {

    private final DeviceAuthorizationRepository delegate;
    private final Invalidations invalidations;

    CachingDeviceAuthorizationRepository(DeviceAuthorizationRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(DeviceAuthorization authorization) {
        delegate.insert(authorization);
        invalidations.inserted(CacheName.DEVICE_AUTHORIZATIONS, authorization.deviceCodeHash());
    }

    @Override
    public Optional<DeviceAuthorization> findByDeviceCodeHash(String deviceCodeHash) {
        return Optional.ofNullable(invalidations.read(CacheName.DEVICE_AUTHORIZATIONS, deviceCodeHash,
                () -> delegate.findByDeviceCodeHash(deviceCodeHash).orElse(null),
                authorization -> authorization.status() == DeviceStatus.PENDING));
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(String userCode) {
        return delegate.findByUserCode(userCode);
    }

    @Override
    public boolean transition(String deviceCodeHash, DeviceStatus expected, DeviceStatus next, String approvedUserId) {
        boolean moved = delegate.transition(deviceCodeHash, expected, next, approvedUserId);
        invalidations.changed(CacheName.DEVICE_AUTHORIZATIONS, deviceCodeHash);
        return moved;
    }
}
