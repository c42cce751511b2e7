package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.session.TokenType;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CreateToken: authenticate the client, let the grant decide, issue tokens, audit. The steps every grant
 * shares happen here once, so no grant can forget one.
 */
public final class TokenEndpoint {

    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Lifetimes lifetimes;
    private final ClientRegistrations clients;
    private final Map<String, TokenGrant> grants;

    /** @param grants every grant type served, one each */
    public TokenEndpoint(SessionRepository sessions, Transactions transactions, Clock clock, AuditLog audit,
                         Lifetimes lifetimes, ClientRegistrations clients, List<TokenGrant> grants) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.lifetimes = lifetimes;
        this.clients = clients;
        this.grants = grants.stream().collect(Collectors.toUnmodifiableMap(TokenGrant::grantType,
                Function.identity()));
    }

    /** @param refreshToken null when the client registered no scopes */
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) { }

    public Tokens createToken(TokenRequest request, RequestContext context) {
        OidcLimits.check(request);
        Map<String, Object> parameters = auditParameters(request);
        ClientRegistration client;
        TokenGrant grant;
        try {
            client = clients.authenticate(request.clientId(), request.clientSecret());
            grant = grantFor(client, request.grantType());
        } catch (DomainException e) {
            auditRefusal(request, context, parameters, e, () -> { });
            throw e;
        }
        try {
            grant.beforeRedeem(client, request, context);
            return transactions.inTransaction(() -> {
                Instant now = clock.instant();
                TokenGrant.Granted granted = grant.redeem(client, request, now);
                Tokens tokens = issue(client, granted, now);
                Actor user = Actor.user(granted.user().userId(), granted.user().userName());
                audit.as(user, EventSource.SSO_OIDC, context).success("CreateToken", parameters,
                        Map.of("sessionId", granted.session().sessionId(), "expiresIn", tokens.expiresIn()));
                return tokens;
            });
        } catch (DomainException e) {
            auditRefusal(request, context, parameters, e,
                    () -> grant.afterRefusal(client, request, clock.instant(), context));
            throw e;
        }
    }

    private TokenGrant grantFor(ClientRegistration client, String grantType) {
        TokenGrant grant = grants.get(grantType);
        if (grant == null) {
            throw new DomainException(new DomainError.UnsupportedGrantType(String.valueOf(grantType)));
        }
        if (!client.grantTypes().contains(grant.grantType())) {
            throw new DomainException(new DomainError.UnauthorizedClient(
                    "The client is not registered for the " + grant.grantType() + " grant"));
        }
        return grant;
    }

    /** Polls are the common case and must write nothing; every other refusal is audited, with its aftermath. */
    private void auditRefusal(TokenRequest request, RequestContext context, Map<String, Object> parameters,
                              DomainException e, Runnable aftermath) {
        if (e.error() instanceof DomainError.AuthorizationPending || e.error() instanceof DomainError.SlowDown) {
            return;
        }
        transactions.run(() -> {
            aftermath.run();
            audit.as(Actor.client(request.clientId()), EventSource.SSO_OIDC, context).failure("CreateToken",
                    parameters, e.error());
        });
    }

    private Tokens issue(ClientRegistration client, TokenGrant.Granted granted, Instant now) {
        Instant sessionEnd = granted.session().expiresAt();
        Instant accessExpiry = min(now.plus(lifetimes.accessToken()), sessionEnd);
        String accessToken = Secrets.newToken("ghat_");
        List<IssuedToken> issued = new ArrayList<>(2);
        issued.add(new IssuedToken(Secrets.hash(accessToken), TokenType.ACCESS,
                granted.session().sessionId(), client.clientId(), now, accessExpiry, null));
        String refreshToken = null;
        if (client.receivesRefreshTokens() && client.grantTypes().contains(GrantTypes.REFRESH_TOKEN)) {
            refreshToken = Secrets.newToken("ghrt_");
            issued.add(new IssuedToken(Secrets.hash(refreshToken), TokenType.REFRESH,
                    granted.session().sessionId(), client.clientId(), now, sessionEnd, null));
        }
        sessions.insertTokens(issued);
        return new Tokens(accessToken, "Bearer", Duration.between(now, accessExpiry).toSeconds(), refreshToken);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Map<String, Object> auditParameters(TokenRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("clientId", String.valueOf(request.clientId()));
        parameters.put("grantType", String.valueOf(request.grantType()));
        return parameters;
    }
}
