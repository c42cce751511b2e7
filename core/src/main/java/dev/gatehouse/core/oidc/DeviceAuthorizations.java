package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.error.Inputs;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.ratelimit.RateLimiter;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.Throttle.Lockout;
import dev.gatehouse.core.throttle.Throttle.Subject;
import dev.gatehouse.core.throttle.Throttle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * StartDeviceAuthorization, and the person's side of it: look up a user code, approve or deny it. Wrong codes
 * are throttled per signed-in person (all their sessions together) and per source address, so user codes
 * cannot be guessed from the verification page.
 */
public final class DeviceAuthorizations {

    private static final int USER_CODE_ATTEMPTS = 5;

    private final DeviceAuthorizationRepository deviceAuthorizations;
    private final Transactions transactions;
    private final Throttle throttle;
    private final Clock clock;
    private final AuditLog audit;
    private final Lifetimes lifetimes;
    private final ClientRegistrations clients;
    private final Supplier<Instance> instance;
    private final String verificationUri;
    private final RateLimiter perAddress;

    /**
     * @param verificationUri where people enter the user code, on this server's public URL
     * @param perAddress      how many device authorizations one source address may start (docs/security.md)
     */
    public DeviceAuthorizations(DeviceAuthorizationRepository deviceAuthorizations, Transactions transactions,
                                Throttle throttle, Clock clock, AuditLog audit, Lifetimes lifetimes,
                                ClientRegistrations clients, Supplier<Instance> instance, String verificationUri,
                                RateLimiter perAddress) {
        this.deviceAuthorizations = deviceAuthorizations;
        this.transactions = transactions;
        this.throttle = throttle;
        this.clock = clock;
        this.audit = audit;
        this.lifetimes = lifetimes;
        this.clients = clients;
        this.instance = instance;
        this.verificationUri = verificationUri;
        this.perAddress = perAddress;
    }

    public record Started(String deviceCode, String userCode, String verificationUri, String verificationUriComplete,
                          long expiresIn, long interval) { }

    public Started start(String clientId, String clientSecret, String startUrl, RequestContext context) {
        perAddress.acquire(context.sourceIpAddress());
        OidcLimits.checkClient(clientId, clientSecret);
        Inputs.atMost("startUrl", startUrl, OidcLimits.URI);
        ClientRegistration client = clients.authenticate(clientId, clientSecret);
        if (!client.grantTypes().contains(GrantTypes.DEVICE_CODE)) {
            throw new DomainException(new DomainError.UnauthorizedClient(
                    "The client is not registered for the device code grant"));
        }
        if (startUrl == null || !instance.get().acceptsStartUrl(startUrl)) {
            throw DomainException.invalid("startUrl", "Unknown start URL: " + startUrl);
        }
        String deviceCode = Secrets.newToken("ghdc_");
        Instant now = clock.instant();
        DeviceAuthorization authorization = insertWithFreshUserCode(deviceCode, client, startUrl, now);
        String userCode = UserCodes.display(authorization.userCode());
        return new Started(deviceCode, userCode, verificationUri, verificationUri + "?user_code=" + userCode,
                lifetimes.deviceCode().toSeconds(), lifetimes.pollInterval().toSeconds());
    }

    private DeviceAuthorization insertWithFreshUserCode(String deviceCode, ClientRegistration client,
                                                        String startUrl, Instant now) {
        for (int attempt = 1; ; attempt++) {
            DeviceAuthorization authorization = new DeviceAuthorization(Secrets.hash(deviceCode), UserCodes.generate(),
                    client.clientId(), startUrl, DeviceStatus.PENDING, null,
                    (int) lifetimes.pollInterval().toSeconds(), now, now.plus(lifetimes.deviceCode()));
            try {
                deviceAuthorizations.insert(authorization);
                return authorization;
            } catch (DomainException e) {
                // 20^8 codes: a collision with a live one is rare; draw again a few times.
                if (!(e.error() instanceof DomainError.AlreadyExists) || attempt == USER_CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** What the verification page shows before the person confirms: the code and who asks. */
    public record PendingRequest(String userCode, String clientName, Instant expiresAt) { }

    public PendingRequest pending(String typedUserCode, User user, RequestContext context) {
        DeviceAuthorization authorization = pendingAuthorization(typedUserCode, user, context);
        String clientName = clients.nameOf(authorization.clientId()).orElse("unknown client");
        return new PendingRequest(UserCodes.display(authorization.userCode()), clientName, authorization.expiresAt());
    }

    public void approve(String typedUserCode, User user, RequestContext context) {
        decide(typedUserCode, user, DeviceStatus.APPROVED, context);
    }

    public void deny(String typedUserCode, User user, RequestContext context) {
        decide(typedUserCode, user, DeviceStatus.DENIED, context);
    }

    private void decide(String typedUserCode, User user, DeviceStatus decision, RequestContext context) {
        DeviceAuthorization authorization = pendingAuthorization(typedUserCode, user, context);
        transactions.run(() -> {
            if (!deviceAuthorizations.transition(authorization.deviceCodeHash(), DeviceStatus.PENDING, decision,
                    user.userId())) {
                throw unknownCode();
            }
            audit.as(Actor.user(user.userId(), user.userName()), EventSource.SSO_OIDC, context).success(
                    decision == DeviceStatus.APPROVED ? "ApproveDeviceAuthorization" : "DenyDeviceAuthorization",
                    Map.of("userCode", UserCodes.display(authorization.userCode()),
                            "clientId", authorization.clientId()));
        });
    }

    private DeviceAuthorization pendingAuthorization(String typedUserCode, User user, RequestContext context) {
        List<Subject> guessers = List.of(
                Subject.of("userCodePerson", user.userId(), ThrottlePolicy.USER_CODE_PERSON),
                Subject.of("userCodeAddress", context.sourceIpAddress(), ThrottlePolicy.USER_CODE_ADDRESS));
        throttle.requireAllowed(guessers, "wrong codes");
        String code = UserCodes.normalize(typedUserCode);
        Optional<DeviceAuthorization> found = code == null ? Optional.empty()
                : deviceAuthorizations.findByUserCode(code).filter(a -> a.status() == DeviceStatus.PENDING);
        if (found.isEmpty()) {
            countWrongCode(guessers, user, context);
            throw unknownCode();
        }
        if (found.get().expiredAt(clock.instant())) {
            throw new DomainException(new DomainError.ExpiredToken(
                    "This code has expired. Start the sign-in again from your device."));
        }
        return found.get();
    }

    private void countWrongCode(List<Subject> guessers, User user, RequestContext context) {
        transactions.run(() -> {
            for (Lockout lockout : throttle.recordFailure(guessers)) {
                audit.as(Actor.user(user.userId(), user.userName()), EventSource.SSO_OIDC, context)
                        .success("UserCodeEntryLockedOut",
                                Map.of("subject", lockout.subject().kind(), "failures", lockout.failures()),
                                Map.of("lockedUntil", lockout.until().toString()));
            }
        });
    }

    private static DomainException unknownCode() {
        return new DomainException(new DomainError.NotFound("Code", "",
                "That code is not valid. Check the code shown on your device and try again."));
    }
}
