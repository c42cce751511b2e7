package dev.gatehouse.core.scim;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.ratelimit.RateLimiter;
import dev.gatehouse.core.ratelimit.RateLimiter.Rate;
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.ThrottleObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bearer tokens of SCIM provisioning, as IdC has them: created by an administrator and shown once, valid for a
 * year, at most two live at a time (one to rotate to), audited.
 */
public final class ScimTokens {

    public static final String PREFIX = "ghscim_";
    public static final Duration LIFETIME = Duration.ofDays(365);
    public static final int MAX_LIVE = 2;
    /**
     * Requests one token may make: 500 at once, then 100 a second on each node, which an identity provider's full
     * sync stays under and a runaway client does not.
     */
    public static final Rate RATE = new Rate(500, Duration.ofMillis(10));

    private final ScimTokenRepository tokens;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final RateLimiter requests;

    public ScimTokens(ScimTokenRepository tokens, Transactions transactions, Clock clock, AuditLog audit) {
        this(tokens, transactions, clock, audit, ThrottleObserver.NONE);
    }

    /** @param throttled told of each request over {@link #RATE} */
    public ScimTokens(ScimTokenRepository tokens, Transactions transactions, Clock clock, AuditLog audit,
                      ThrottleObserver throttled) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.requests = new RateLimiter("SCIM requests", "with this token", RATE, clock, throttled);
    }

    /** A new token; the only time its value is shown. */
    public record Created(ScimToken token, String value) { }

    public Created create(Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            long live = tokens.list().stream().filter(t -> t.liveAt(now)).count();
            if (live >= MAX_LIVE) {
                throw DomainException.invalid("token", "At most " + MAX_LIVE
                        + " SCIM tokens may be live; delete one first");
            }
            String value = Secrets.newToken(PREFIX);
            ScimToken token = new ScimToken(UUID.randomUUID().toString(), Secrets.hash(value), now,
                    now.plus(LIFETIME));
            tokens.insert(token);
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("CreateScimToken", Map.of(),
                    Map.of("tokenId", token.tokenId(), "expiresAt", token.expiresAt().toString()));
            return new Created(token, value);
        });
    }

    public List<ScimToken> list() {
        return tokens.list();
    }

    public void delete(String tokenId, Actor actor, RequestContext context) {
        transactions.run(() -> {
            if (!tokens.delete(tokenId)) {
                throw DomainException.notFound("SCIM token", tokenId);
            }
            audit.as(actor, EventSource.IDENTITY_STORE, context).success("DeleteScimToken",
                    Map.of("tokenId", tokenId));
        });
    }

    /**
     * The actor a request with this bearer value acts as; Unauthorized if it is missing, unknown or expired, and
     * TooManyRequests past the token's {@link #RATE}.
     */
    public Actor authenticate(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX) || bearer.length() > 128) {
            throw unauthorized();
        }
        ScimToken token = tokens.findByHash(Secrets.hash(bearer)).orElseThrow(ScimTokens::unauthorized);
        if (!token.liveAt(clock.instant())) {
            throw unauthorized();
        }
        requests.acquire(token.tokenId());
        return new Actor("ScimToken", token.tokenId(), "scim");
    }

    private static DomainException unauthorized() {
        return new DomainException(new DomainError.Unauthorized(
                "The bearer token is missing, unknown, deleted or expired."));
    }
}
