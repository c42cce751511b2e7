package dev.gatehouse.core.port;

import dev.gatehouse.core.mfa.MfaDevice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A user's second factors. Names are unique per user, ignoring case; devices go with their user. */
public interface MfaDeviceRepository {

    /** @throws dev.gatehouse.core.error.DomainException AlreadyExists for a taken name, NotFound for no such user */
    void insert(MfaDevice device);

    Optional<MfaDevice> findById(String deviceId);

    /** Confirmed or not, oldest first. */
    List<MfaDevice> listByUser(String userId);

    /**
     * @return whether the device exists
     * @throws dev.gatehouse.core.error.DomainException AlreadyExists when another of the user's devices has the name
     */
    boolean rename(String deviceId, String name);

    /** Confirms an unconfirmed device, recording the step of its first code; returns whether this call did it. */
    boolean confirm(String deviceId, Instant at, long step);

    /**
     * Records {@code step} as used only if it is newer than every step used before, in one conditional
     * statement: of two uses of the same code racing, exactly one returns true.
     */
    boolean useStep(String deviceId, long step);

    boolean delete(String deviceId);
}
