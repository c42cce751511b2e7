package dev.gatehouse.core.oidc;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.TokenType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6749 §6 with rotation: each refresh token works once, and never beyond the session it belongs to. A rotated
 * token presented again ends its session (RFC 9700, the OAuth security BCP).
 */
final class RefreshTokenGrant implements TokenGrant {

    private final AuditLog audit;

    RefreshTokenGrant(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String grantType() {
        return GrantTypes.REFRESH_TOKEN;
    }

    @Override
    public Granted redeem(ClientRegistration client, TokenRequest request, Store tx, Instant now) {
        if (request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw DomainException.invalid("refreshToken", "refreshToken is required for the refresh_token grant");
        }
        IssuedToken token = tokenOf(client, request, tx)
                .orElseThrow(() -> invalid("Invalid refresh token provided"));
        if (token.usedAt() != null) {
            throw invalid("Refresh token has already been used; the session is signed out");
        }
        PortalSession session = tx.sessions().findById(token.sessionId())
                .orElseThrow(() -> invalid("Invalid refresh token provided"));
        if (session.revokedAt() != null) {
            throw invalid("The session has been signed out");
        }
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(token.expiresAt())) {
            throw new DomainException(new DomainError.ExpiredToken("The session has expired; sign in again"));
        }
        User user = tx.users().findById(session.userId()).filter(User::enabled)
                .orElseThrow(() -> invalid("The user is not active"));
        if (!tx.sessions().markTokenUsed(token.tokenHash(), now)) {
            throw invalid("Refresh token has already been used");
        }
        return new Granted(session, user);
    }

    /**
     * Either the client or someone who stole the token holds a rotated one, and which is unknown; ending the session
     * stops both, and the user signs in again.
     */
    @Override
    public void afterRefusal(ClientRegistration client, TokenRequest request, Store tx, Instant now,
                             RequestContext context) {
        tokenOf(client, request, tx).filter(token -> token.usedAt() != null).ifPresent(token -> {
            boolean revoked = tx.sessions().revoke(token.sessionId(), now);
            String userName = tx.sessions().findById(token.sessionId())
                    .flatMap(session -> tx.users().findById(session.userId())).map(User::userName).orElse("");
            audit.success(tx.audit(), context, Actor.client(client.clientId()), EventSource.SSO_OIDC,
                    "RefreshTokenReuse", Map.of("clientId", client.clientId(), "sessionId", token.sessionId(),
                            "userName", userName), Map.of("sessionRevoked", revoked));
        });
    }

    private static Optional<IssuedToken> tokenOf(ClientRegistration client, TokenRequest request, Store tx) {
        if (request.refreshToken() == null) {
            return Optional.empty();
        }
        return tx.sessions().findToken(Secrets.hash(request.refreshToken()))
                .filter(t -> t.type() == TokenType.REFRESH && t.clientId().equals(client.clientId()));
    }

    private static DomainException invalid(String message) {
        return new DomainException(new DomainError.InvalidGrant(message));
    }
}
