package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** RFC 8628 §3.4–3.5: the device polls with its device code until the person approves or denies it. */
public final class DeviceCodeGrant implements TokenGrant {

    private final DeviceAuthorizationRepository deviceAuthorizations;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PollTracker polls;
    private final Lifetimes lifetimes;
    private final Clock clock;

    public DeviceCodeGrant(DeviceAuthorizationRepository deviceAuthorizations, UserRepository users,
                           SessionRepository sessions, PollTracker polls, Lifetimes lifetimes, Clock clock) {
        this.deviceAuthorizations = deviceAuthorizations;
        this.users = users;
        this.sessions = sessions;
        this.polls = polls;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Override
    public String grantType() {
        return GrantTypes.DEVICE_CODE;
    }

    /**
     * A poll for a code still pending is answered here, before any transaction: with the repository's cache, a poll
     * neither writes nor, mostly, reads. Every other status goes on to {@link #redeem}, which reads it again.
     */
    @Override
    public void beforeRedeem(ClientRegistration client, TokenRequest request, RequestContext context) {
        if (request.deviceCode() == null || request.deviceCode().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        String hash = Secrets.hash(request.deviceCode());
        deviceAuthorizations.findByDeviceCodeHash(hash)
                .filter(a -> a.clientId().equals(client.clientId()))
                .filter(a -> a.status() == DeviceStatus.PENDING && !a.expiredAt(now))
                .ifPresent(pending -> pollWhilePending(pending, now));
    }

    @Override
    public Granted redeem(ClientRegistration client, TokenRequest request, Instant now) {
        if (request.deviceCode() == null || request.deviceCode().isBlank()) {
            throw DomainException.invalid("deviceCode", "deviceCode is required for the device code grant");
        }
        String hash = Secrets.hash(request.deviceCode());
        DeviceAuthorization authorization = deviceAuthorizations.findByDeviceCodeHash(hash)
                // An unknown code and another client's code look the same, so codes cannot be probed.
                .filter(a -> a.clientId().equals(client.clientId()))
                .orElseThrow(() -> new DomainException(new DomainError.InvalidGrant("Invalid device code provided")));
        if (authorization.expiredAt(now) && authorization.status() != DeviceStatus.CONSUMED) {
            throw new DomainException(new DomainError.ExpiredToken("Device code has expired"));
        }
        return switch (authorization.status()) {
            case PENDING -> pollWhilePending(authorization, now);
            case DENIED -> throw new DomainException(new DomainError.AccessDenied(
                    "The user denied the authorization request"));
            case CONSUMED -> throw new DomainException(new DomainError.InvalidGrant(
                    "Device code has already been used"));
            case APPROVED -> consume(authorization, now);
        };
    }

    private Granted pollWhilePending(DeviceAuthorization authorization, Instant now) {
        polls.poll(authorization.deviceCodeHash(), Duration.ofSeconds(authorization.intervalSeconds()), now);
        throw new DomainException(new DomainError.AuthorizationPending());
    }

    private Granted consume(DeviceAuthorization authorization, Instant now) {
        if (!deviceAuthorizations.transition(authorization.deviceCodeHash(), DeviceStatus.APPROVED,
                DeviceStatus.CONSUMED, authorization.approvedUserId())) {
            throw new DomainException(new DomainError.InvalidGrant("Device code has already been used"));
        }
        polls.forget(authorization.deviceCodeHash());
        User user = users.findById(authorization.approvedUserId()).filter(User::enabled)
                .orElseThrow(() -> new DomainException(new DomainError.AccessDenied("The user is not active")));
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), null, SessionKind.TOKEN,
                user.userId(), authorization.clientId(), null, now, now.plus(lifetimes.portalSession()), null);
        sessions.insert(session);
        return new Granted(session, user);
    }
}
