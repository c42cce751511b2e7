package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceRepository;
import dev.gatehouse.core.mfa.WebAuthnChallenge;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A user's second factors (names unique per user, ignoring case), their WebAuthn user handle and the challenges
 * handed out to them; all go with their user.
 */
final class InMemoryMfaDevices implements MfaDeviceRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryMfaDevices(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(MfaDevice device) {
        statements.run(() -> {
            if (tables.mfaDevices.contains(device.deviceId())) {
                throw DomainException.exists("MfaDevice", device.deviceId());
            }
            if (nameTakenByOther(device.deviceId(), device.userId(), device.name())) {
                throw DomainException.exists("MfaDevice", device.name());
            }
            tables.requireUser(device.userId());
            tables.mfaDevices.put(device.deviceId(), device);
        });
    }

    private boolean nameTakenByOther(String deviceId, String userId, String name) {
        return tables.mfaDevices.rows().anyMatch(d -> !d.deviceId().equals(deviceId) && d.userId().equals(userId)
                && lowerCase(d.name()).equals(lowerCase(name)));
    }

    @Override
    public Optional<MfaDevice> findById(String deviceId) {
        return statements.read("MfaDeviceRepository.findById", () -> tables.mfaDevices.get(deviceId));
    }

    @Override
    public List<MfaDevice> listByUser(String userId) {
        return statements.read("MfaDeviceRepository.listByUser", () -> tables.mfaDevices.rows()
                .filter(d -> d.userId().equals(userId))
                .sorted(Comparator.comparing(MfaDevice::createdAt).thenComparing(MfaDevice::deviceId))
                .toList());
    }

    @Override
    public boolean rename(String deviceId, String name) {
        return statements.write(() -> {
            Optional<MfaDevice> device = tables.mfaDevices.get(deviceId);
            if (device.isEmpty()) {
                return false;
            }
            MfaDevice d = device.get();
            if (nameTakenByOther(deviceId, d.userId(), name)) {
                throw DomainException.exists("MfaDevice", name);
            }
            tables.mfaDevices.put(deviceId, new MfaDevice(d.deviceId(), d.userId(), d.kind(), name, d.sealedSecret(),
                    d.lastUsedStep(), d.createdAt(), d.confirmedAt()));
            return true;
        });
    }

    @Override
    public boolean confirm(String deviceId, Instant at, long step) {
        return statements.write(() -> tables.mfaDevices.get(deviceId)
                .filter(d -> d.confirmedAt() == null)
                .map(d -> {
                    tables.mfaDevices.put(deviceId, new MfaDevice(d.deviceId(), d.userId(), d.kind(), d.name(),
                            d.sealedSecret(), step, d.createdAt(), at));
                    return true;
                })
                .orElse(false));
    }

    @Override
    public boolean useStep(String deviceId, long step) {
        return statements.write(() -> tables.mfaDevices.get(deviceId)
                .filter(d -> d.lastUsedStep() < step)
                .map(d -> {
                    tables.mfaDevices.put(deviceId, new MfaDevice(d.deviceId(), d.userId(), d.kind(), d.name(),
                            d.sealedSecret(), step, d.createdAt(), d.confirmedAt()));
                    return true;
                })
                .orElse(false));
    }

    @Override
    public boolean delete(String deviceId) {
        return statements.write(() -> tables.mfaDevices.remove(deviceId));
    }

    /** A handle is unique among users; one taken by another user is AlreadyExists, as the unique key makes it. */
    @Override
    public String userHandle(String userId, String ifNone) {
        return statements.write(() -> tables.userHandles.get(userId).orElseGet(() -> {
            tables.requireUser(userId);
            if (tables.userHandles.rows().anyMatch(ifNone::equals)) {
                throw DomainException.exists("WebAuthnUserHandle", userId);
            }
            tables.userHandles.put(userId, ifNone);
            return ifNone;
        }));
    }

    @Override
    public void insertChallenge(WebAuthnChallenge challenge, Instant now) {
        statements.run(() -> {
            tables.challenges.removeIf(c -> !c.expiresAt().isAfter(now));
            if (tables.challenges.contains(challenge.challengeHash())) {
                // The JDBC store lets the database's own error through here: two equal random challenges.
                throw new IllegalStateException("A challenge with this hash is already stored");
            }
            tables.requireUser(challenge.userId());
            tables.challenges.put(challenge.challengeHash(), challenge);
        });
    }

    @Override
    public boolean consumeChallenge(String challengeHash, String userId, WebAuthnChallenge.Ceremony ceremony,
                                    Instant now) {
        return statements.write(() -> {
            boolean usable = tables.challenges.get(challengeHash)
                    .filter(c -> c.userId().equals(userId) && c.ceremony() == ceremony && c.expiresAt().isAfter(now))
                    .isPresent();
            return usable && tables.challenges.remove(challengeHash);
        });
    }
}
