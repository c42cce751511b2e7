package dev.gatehouse.core.mfa;

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

    /**
     * The user's WebAuthn user handle, storing {@code ifNone} as it the first time; a handle never changes, so
     * an authenticator keeps one passkey per user of this instance.
     *
     * @throws dev.gatehouse.core.error.DomainException NotFound for no such user
     */
    String userHandle(String userId, String ifNone);

    /** Stores a challenge handed out, dropping every challenge, of any user, expired at {@code now}. */
    void insertChallenge(WebAuthnChallenge challenge, Instant now);

    /**
     * Uses up the challenge if it is the user's, for that ceremony, and unexpired at {@code now}, in one
     * statement: of two answers to one challenge racing, exactly one returns true.
     */
    boolean consumeChallenge(String challengeHash, String userId, WebAuthnChallenge.Ceremony ceremony, Instant now);
}
