package dev.gatehouse.core.mfa;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A user's authenticator apps (TOTP): enrolment confirmed by a first code, then verification of codes,
 * each accepted once only. Audit events never carry a secret or a code.
 */
public final class AuthenticatorApps {

    /** Authenticator apps a user may have at once; with security keys, the issue allows 2 + 6. */
    public static final int LIMIT = 2;
    /** 160 bits, the length RFC 4226 §4 (R6) recommends. */
    private static final int SECRET_BYTES = 20;

    private final UserRepository users;
    private final MfaDeviceRepository mfaDevices;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Supplier<SecretSealer> sealer;
    private final String issuer;
    private final Totp totp = Totp.STANDARD;

    /** @param issuer the name the app shows above the code, e.g. "Gatehouse" */
    public AuthenticatorApps(UserRepository users, MfaDeviceRepository mfaDevices, Transactions transactions,
                             Clock clock, AuditLog audit, Supplier<SecretSealer> sealer, String issuer) {
        this.users = users;
        this.mfaDevices = mfaDevices;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.sealer = sealer;
        this.issuer = issuer;
    }

    /**
     * Creates an unconfirmed app with a new secret and returns what the user needs to add it. An enrolment
     * the user started before and never confirmed is dropped: only the newest QR code can be confirmed.
     */
    public Enrolment startEnrolment(String userId, String name, Actor actor, RequestContext context) {
        String validName = DeviceNames.valid(name, "app");
        byte[] secret = Secrets.randomBytes(SECRET_BYTES);
        String deviceId = UUID.randomUUID().toString();
        return transactions.inTransaction(() -> {
            User user = users.findById(userId).orElseThrow(() -> DomainException.notFound("User", userId));
            List<MfaDevice> devices = mfaDevices.listByUser(userId);
            requireRoomForAnother(devices);
            devices.stream().filter(d -> d.kind() == MfaDeviceKind.TOTP && !d.confirmed())
                    .forEach(d -> mfaDevices.delete(d.deviceId()));
            mfaDevices.insert(new MfaDevice(deviceId, userId, MfaDeviceKind.TOTP, validName,
                    sealer.get().seal(secret, deviceId), MfaDevice.NO_STEP_USED, clock.instant(), null));
            audit.as(actor, EventSource.SIGN_IN, context).success("CreateMfaDevice",
                    Map.of("userId", userId, "deviceName", validName, "kind", MfaDeviceKind.TOTP.name()),
                    Map.of("deviceId", deviceId));
            return new Enrolment(deviceId, Base32.encodeUnpadded(secret),
                    OtpAuthUri.of(issuer, user.userName(), secret, totp));
        });
    }

    /** Turns an enrolment into a working app when {@code code} is what the app shows now. */
    public MfaDevice confirm(String userId, String deviceId, String code, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            MfaDevice device = ownDevice(userId, deviceId);
            if (device.confirmed()) {
                throw DomainException.invalid("deviceId", "This authenticator app is already set up.");
            }
            requireRoomForAnother(mfaDevices.listByUser(userId));
            Instant now = clock.instant();
            OptionalLong step = totp.matchingStep(secretOf(device), code, now);
            if (step.isEmpty()) {
                throw DomainException.invalid("code",
                        "That code is not the one the app shows. Check the app's clock and enter the current code.");
            }
            if (!mfaDevices.confirm(deviceId, now, step.getAsLong())) {
                throw DomainException.invalid("deviceId", "This authenticator app is already set up.");
            }
            audit.as(actor, EventSource.SIGN_IN, context).success("ConfirmMfaDevice",
                    Map.of("userId", userId, "deviceId", deviceId));
            return mfaDevices.findById(deviceId).orElseThrow();
        });
    }

    /**
     * The confirmed app whose code {@code code} is, if any; the code's time step is then used up, so the same
     * code (or an older one of that app) is refused from now on, even by a request racing this one.
     */
    public Optional<MfaDevice> verify(String userId, String code) {
        Instant now = clock.instant();
        for (MfaDevice device : list(userId)) {
            OptionalLong step = totp.matchingStep(secretOf(device), code, now);
            if (step.isPresent() && step.getAsLong() > device.lastUsedStep()
                    && mfaDevices.useStep(device.deviceId(), step.getAsLong())) {
                return mfaDevices.findById(device.deviceId());
            }
        }
        return Optional.empty();
    }

    /**
     * The enrolment of an app not yet confirmed, again: after a wrong first code the page shows the same QR code,
     * which the user may already have scanned.
     */
    public Enrolment resume(String userId, String deviceId) {
        MfaDevice device = ownDevice(userId, deviceId);
        if (device.confirmed()) {
            throw DomainException.invalid("deviceId", "This authenticator app is already set up.");
        }
        User user = users.findById(userId).orElseThrow(() -> DomainException.notFound("User", userId));
        byte[] secret = secretOf(device);
        return new Enrolment(deviceId, Base32.encodeUnpadded(secret), OtpAuthUri.of(issuer, user.userName(), secret,
                totp));
    }

    /**
     * Gives an app being enrolled the name the user chose with its first code (the enrolment started under a
     * suggested one). Unchanged names write nothing; a confirmed app is renamed only through {@link #rename}.
     */
    public void nameEnrolment(String userId, String deviceId, String name, Actor actor, RequestContext context) {
        MfaDevice device = ownDevice(userId, deviceId);
        if (device.confirmed()) {
            throw DomainException.invalid("deviceId", "This authenticator app is already set up.");
        }
        if (!device.name().equals(name == null ? null : name.strip())) {
            rename(userId, deviceId, name, actor, context);
        }
    }

    /**
     * Names an app being enrolled as the user chose and confirms it with its first code, as one change: a wrong
     * code leaves the enrolment as it was.
     */
    public MfaDevice confirmEnrolment(String userId, String deviceId, String name, String code, Actor actor,
                                     RequestContext context) {
        return transactions.inTransaction(() -> {
            nameEnrolment(userId, deviceId, name, actor, context);
            return confirm(userId, deviceId, code, actor, context);
        });
    }

    /** A name for a new app that none of the user's devices has yet: "Authenticator app", then "… 2", "… 3". */
    public String suggestedName(String userId) {
        List<String> taken = mfaDevices.listByUser(userId).stream().filter(MfaDevice::confirmed)
                .map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        String name = "Authenticator app";
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = "Authenticator app " + n;
        }
        return name;
    }

    /** The user's confirmed authenticator apps, oldest first. */
    public List<MfaDevice> list(String userId) {
        return mfaDevices.listByUser(userId).stream()
                .filter(d -> d.kind() == MfaDeviceKind.TOTP && d.confirmed())
                .toList();
    }

    public void rename(String userId, String deviceId, String name, Actor actor, RequestContext context) {
        String validName = DeviceNames.valid(name, "app");
        transactions.run(() -> {
            ownDevice(userId, deviceId);
            mfaDevices.rename(deviceId, validName);
            audit.as(actor, EventSource.SIGN_IN, context).success("UpdateMfaDevice",
                    Map.of("userId", userId, "deviceId", deviceId, "deviceName", validName));
        });
    }

    public void delete(String userId, String deviceId, Actor actor, RequestContext context) {
        transactions.run(() -> {
            ownDevice(userId, deviceId);
            mfaDevices.delete(deviceId);
            audit.as(actor, EventSource.SIGN_IN, context).success("DeleteMfaDevice",
                    Map.of("userId", userId, "deviceId", deviceId));
        });
    }

    /** The user's authenticator app; someone else's is as good as absent. */
    private MfaDevice ownDevice(String userId, String deviceId) {
        return mfaDevices.findById(deviceId)
                .filter(d -> d.userId().equals(userId) && d.kind() == MfaDeviceKind.TOTP)
                .orElseThrow(() -> DomainException.notFound("MfaDevice", deviceId));
    }

    private byte[] secretOf(MfaDevice device) {
        return sealer.get().unseal(device.sealedSecret(), device.deviceId());
    }

    private static void requireRoomForAnother(List<MfaDevice> devices) {
        long confirmed = devices.stream().filter(d -> d.kind() == MfaDeviceKind.TOTP && d.confirmed()).count();
        if (confirmed >= LIMIT) {
            throw DomainException.invalid("name", "You already have " + LIMIT
                    + " authenticator apps. Remove one before adding another.");
        }
    }
}
