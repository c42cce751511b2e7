package dev.gatehouse.core.signin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.MfaDeviceRepository;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sign-ins whose first factor was right and that wait for a second one: started by {@link MfaGate}, found once
 * per request from the browser's cookie, and used up by the step that completes them.
 */
public final class PendingSignIns {

    /** Long enough to open an app and type a code, short enough that a forgotten tab is soon useless. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final PendingSignInRepository pendingSignIns;
    private final UserRepository users;
    private final MfaDeviceRepository mfaDevices;
    private final Clock clock;

    public PendingSignIns(PendingSignInRepository pendingSignIns, UserRepository users, MfaDeviceRepository mfaDevices,
                          Clock clock) {
        this.pendingSignIns = pendingSignIns;
        this.users = users;
        this.mfaDevices = mfaDevices;
        this.clock = clock;
    }

    /** The pending sign-in the cookie names, if it still waits and its user is enabled; ExpiredToken otherwise. */
    public Waiting resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            throw expired();
        }
        PendingSignIn pending = pendingSignIns.find(Secrets.hash(cookieValue))
                .filter(p -> p.activeAt(clock.instant()))
                .orElseThrow(PendingSignIns::expired);
        User user = users.findById(pending.userId()).filter(User::enabled).orElseThrow(PendingSignIns::expired);
        return new Waiting(pending, user, kindsOf(confirmedDevices(user.userId())));
    }

    /** The same, for a step that only an enrolment may take. */
    public Waiting resolveEnrolment(String cookieValue) {
        Waiting waiting = resolve(cookieValue);
        if (waiting.purpose() != Purpose.ENROLMENT) {
            throw expired();
        }
        return waiting;
    }

    Pending start(User user, Purpose purpose) {
        Instant now = clock.instant();
        String cookie = Secrets.newToken("ghp_");
        Instant expiresAt = now.plus(LIFETIME);
        pendingSignIns.deleteExpired(now);
        pendingSignIns.insert(new PendingSignIn(Secrets.hash(cookie), user.userId(), purpose, now, expiresAt));
        return new Pending(cookie, user, expiresAt);
    }

    /** Uses the pending sign-in up; of two requests completing it at once, the second fails. */
    void useUp(Waiting waiting) {
        if (!pendingSignIns.delete(waiting.pending().secretHash())) {
            throw expired();
        }
    }

    List<MfaDevice> confirmedDevices(String userId) {
        return mfaDevices.listByUser(userId).stream().filter(MfaDevice::confirmed).toList();
    }

    static Set<MfaDeviceKind> kindsOf(List<MfaDevice> devices) {
        return devices.stream().map(MfaDevice::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MfaDeviceKind.class)));
    }

    static DomainException expired() {
        return new DomainException(new DomainError.ExpiredToken(
                "This sign-in has expired or was already completed. Sign in again."));
    }
}
