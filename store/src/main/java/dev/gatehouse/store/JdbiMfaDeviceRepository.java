package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaDeviceRepository;
import dev.gatehouse.core.mfa.WebAuthnChallenge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Devices go with their user, by foreign key. */
final class JdbiMfaDeviceRepository implements MfaDeviceRepository {

    private static final String COLUMNS =
            "device_id, user_id, kind, name, sealed_secret, last_used_step, created_at, confirmed_at";

    private final Handles handles;

    JdbiMfaDeviceRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(MfaDevice device) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO mfa_devices (device_id, user_id, kind, name, name_lc, sealed_secret, last_used_step,
                               created_at, confirmed_at)
                        VALUES (:deviceId, :userId, :kind, :name, :nameLc, :sealedSecret, :lastUsedStep, :createdAt,
                                :confirmedAt)""")
                        .bind("deviceId", device.deviceId())
                        .bind("userId", device.userId())
                        .bind("kind", device.kind().name())
                        .bind("name", device.name())
                        .bind("nameLc", Names.lowerCase(device.name()))
                        .bind("sealedSecret", device.sealedSecret())
                        .bind("lastUsedStep", device.lastUsedStep())
                        .bind("createdAt", EpochNanos.of(device.createdAt()))
                        .bind("confirmedAt", EpochNanos.of(device.confirmedAt()))
                        .execute(),
                violation -> violation.duplicate()
                        ? DomainException.exists("MfaDevice", violation.of("pk_mfa_devices") ? device.deviceId()
                                : device.name())
                        : DomainException.notFound("User", device.userId())));
    }

    @Override
    public Optional<MfaDevice> findById(String deviceId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM mfa_devices WHERE device_id = :deviceId")
                .bind("deviceId", deviceId)
                .map(JdbiMfaDeviceRepository::map)
                .findOne());
    }

    @Override
    public List<MfaDevice> listByUser(String userId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM mfa_devices WHERE user_id = :userId ORDER BY created_at, device_id")
                .bind("userId", userId)
                .map(JdbiMfaDeviceRepository::map)
                .list());
    }

    @Override
    public boolean rename(String deviceId, String name) {
        return handles.call(h -> Constraints.guarded(h, () -> h.createUpdate(
                                "UPDATE mfa_devices SET name = :name, name_lc = :nameLc WHERE device_id = :deviceId")
                        .bind("name", name)
                        .bind("nameLc", Names.lowerCase(name))
                        .bind("deviceId", deviceId)
                        .execute(),
                violation -> DomainException.exists("MfaDevice", name))) > 0;
    }

    @Override
    public boolean confirm(String deviceId, Instant at, long step) {
        return handles.call(h -> h.createUpdate("""
                        UPDATE mfa_devices SET confirmed_at = :at, last_used_step = :step
                        WHERE device_id = :deviceId AND confirmed_at IS NULL""")
                .bind("at", EpochNanos.of(at))
                .bind("step", step)
                .bind("deviceId", deviceId)
                .execute()) > 0;
    }

    @Override
    public boolean useStep(String deviceId, long step) {
        return handles.call(h -> h.createUpdate("""
                        UPDATE mfa_devices SET last_used_step = :step
                        WHERE device_id = :deviceId AND last_used_step < :step""")
                .bind("step", step)
                .bind("deviceId", deviceId)
                .execute()) > 0;
    }

    @Override
    public boolean delete(String deviceId) {
        return handles.call(h -> h.createUpdate("DELETE FROM mfa_devices WHERE device_id = :deviceId")
                .bind("deviceId", deviceId)
                .execute()) > 0;
    }

    @Override
    public String userHandle(String userId, String ifNone) {
        return handles.call(h -> storedUserHandle(h, userId).orElseGet(() -> {
            try {
                Constraints.guarded(h, () -> h.createUpdate("""
                                        INSERT INTO webauthn_user_handles (user_id, user_handle)
                                        VALUES (:userId, :handle)""")
                                .bind("userId", userId)
                                .bind("handle", ifNone)
                                .execute(),
                        violation -> violation.duplicate() ? DomainException.exists("WebAuthnUserHandle", userId)
                                : DomainException.notFound("User", userId));
                return ifNone;
            } catch (DomainException e) {
                // A request racing this one stored the user's handle first: that one is the handle.
                return storedUserHandle(h, userId).orElseThrow(() -> e);
            }
        }));
    }

    private static Optional<String> storedUserHandle(Handle h, String userId) {
        return h.createQuery("SELECT user_handle FROM webauthn_user_handles WHERE user_id = :userId")
                .bind("userId", userId)
                .mapTo(String.class)
                .findOne();
    }

    @Override
    public void insertChallenge(WebAuthnChallenge challenge, Instant now) {
        handles.call(h -> {
            h.createUpdate("DELETE FROM webauthn_challenges WHERE expires_at <= :now")
                    .bind("now", EpochNanos.of(now))
                    .execute();
            return Constraints.guarded(h, () -> h.createUpdate("""
                                    INSERT INTO webauthn_challenges (challenge_hash, user_id, ceremony, expires_at)
                                    VALUES (:hash, :userId, :ceremony, :expiresAt)""")
                            .bind("hash", challenge.challengeHash())
                            .bind("userId", challenge.userId())
                            .bind("ceremony", challenge.ceremony().name())
                            .bind("expiresAt", EpochNanos.of(challenge.expiresAt()))
                            .execute(),
                    violation -> violation.duplicate() ? null : DomainException.notFound("User", challenge.userId()));
        });
    }

    @Override
    public boolean consumeChallenge(String challengeHash, String userId, WebAuthnChallenge.Ceremony ceremony,
                                    Instant now) {
        return handles.call(h -> h.createUpdate("""
                        DELETE FROM webauthn_challenges
                        WHERE challenge_hash = :hash AND user_id = :userId AND ceremony = :ceremony
                          AND expires_at > :now""")
                .bind("hash", challengeHash)
                .bind("userId", userId)
                .bind("ceremony", ceremony.name())
                .bind("now", EpochNanos.of(now))
                .execute()) > 0;
    }

    private static MfaDevice map(ResultSet row, StatementContext context) throws SQLException {
        return new MfaDevice(row.getString("device_id"), row.getString("user_id"),
                MfaDeviceKind.valueOf(row.getString("kind")), row.getString("name"), row.getString("sealed_secret"),
                row.getLong("last_used_step"), EpochNanos.read(row, "created_at"),
                EpochNanos.read(row, "confirmed_at"));
    }
}
