package dev.gatehouse.core.oidc;

import java.util.Optional;

public interface DeviceAuthorizationRepository {

    /** A user code already in use fails with DomainError.AlreadyExists (the caller draws another). */
    void insert(DeviceAuthorization authorization);

    Optional<DeviceAuthorization> findByDeviceCodeHash(String deviceCodeHash);

    Optional<DeviceAuthorization> findByUserCode(String userCode);

    /**
     * Moves from {@code expected} to {@code next} status only if it still is {@code expected}, so two
     * racing polls cannot both consume one approval. Returns whether it moved.
     */
    boolean transition(String deviceCodeHash, DeviceStatus expected, DeviceStatus next, String approvedUserId);
}
