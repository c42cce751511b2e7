package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.SourceCheck;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.session.TokenType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6749 §6 with rotation: each refresh token works once, and never beyond the session it belongs to. A rotated
 * token presented again ends its session (RFC 9700, the OAuth security BCP).
 */
public final class RefreshTokenGrant implements TokenGrant {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final AuditLog audit;
    private final SourceCheck sourceCheck;

    /** @param sourceCheck asks the identity source about the session's user before each refresh */
    public RefreshTokenGrant(SessionRepository sessions, UserRepository users, AuditLog audit,
                             SourceCheck sourceCheck) {
        this.sessions = sessions;
        this.users = users;
        this.audit = audit;
        this.sourceCheck = sourceCheck;
    }

    @Override
    public String grantType() {
        return GrantTypes.REFRESH_TOKEN;
    }

    /**
     * A user synced from a directory is looked up there first: disabled or removed there, the refresh is refused.
     * Without such a directory the token is not read here, only once in {@link #redeem}.
     */
    @Override
    public void beforeRedeem(ClientRegistration client, TokenRequest request, RequestContext context) {
        if (!sourceCheck.active()) {
            return;
        }
        tokenOf(client, request).filter(token -> token.usedAt() == null)
                .flatMap(token -> sessions.findById(token.sessionId()))
                .filter(session -> session.revokedAt() == null)
                .ifPresent(session -> sourceCheck.recheck(session.userId(), context));
    }

    @Override
    public Granted redeem(ClientRegistration client, TokenRequest request, Instant now) {
        if (request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw DomainException.invalid("refreshToken", "refreshToken is required for the refresh_token grant");
        }
        IssuedToken token = tokenOf(client, request)
                .orElseThrow(() -> invalid("Invalid refresh token provided"));
        if (token.usedAt() != null) {
            throw invalid("Refresh token has already been used; the session is signed out");
        }
        PortalSession session = sessions.findById(token.sessionId())
                .orElseThrow(() -> invalid("Invalid refresh token provided"));
        if (session.revokedAt() != null) {
            throw invalid("The session has been signed out");
        }
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(token.expiresAt())) {
            throw new DomainException(new DomainError.ExpiredToken("The session has expired; sign in again"));
        }
        User user = users.findById(session.userId()).filter(User::enabled)
                .orElseThrow(() -> invalid("The user is not active"));
        if (!sessions.markTokenUsed(token.tokenHash(), now)) {
            throw invalid("Refresh token has already been used");
        }
        return new Granted(session, user);
    }

    /**
     * Either the client or someone who stole the token holds a rotated one, and which is unknown; ending the session
     * stops both, and the user signs in again.
     */
    @Override
    public void afterRefusal(ClientRegistration client, TokenRequest request, Instant now, RequestContext context) {
        tokenOf(client, request).filter(token -> token.usedAt() != null).ifPresent(token -> {
            boolean revoked = sessions.revoke(token.sessionId(), now);
            String userName = sessions.findById(token.sessionId())
                    .flatMap(session -> users.findById(session.userId())).map(User::userName).orElse("");
            audit.as(Actor.client(client.clientId()), EventSource.SSO_OIDC, context).success("RefreshTokenReuse",
                    Map.of("clientId", client.clientId(), "sessionId", token.sessionId(), "userName", userName),
                    Map.of("sessionRevoked", revoked));
        });
    }

    private Optional<IssuedToken> tokenOf(ClientRegistration client, TokenRequest request) {
        if (request.refreshToken() == null) {
            return Optional.empty();
        }
        return sessions.findToken(Secrets.hash(request.refreshToken()))
                .filter(t -> t.type() == TokenType.REFRESH && t.clientId().equals(client.clientId()));
    }

    private static DomainException invalid(String message) {
        return new DomainException(new DomainError.InvalidGrant(message));
    }
}
