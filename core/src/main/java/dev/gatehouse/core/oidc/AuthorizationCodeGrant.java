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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.6): the client trades the code its redirect URI received, and proves with
 * the code verifier that it is the one that asked for it. Each code works once, for its own client and redirect URI.
 */
public final class AuthorizationCodeGrant implements TokenGrant {

    private final AuthorizationCodeRepository authorizationCodes;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Lifetimes lifetimes;

    public AuthorizationCodeGrant(AuthorizationCodeRepository authorizationCodes, UserRepository users,
                                  SessionRepository sessions, Lifetimes lifetimes) {
        this.authorizationCodes = authorizationCodes;
        this.users = users;
        this.sessions = sessions;
        this.lifetimes = lifetimes;
    }

    @Override
    public String grantType() {
        return GrantTypes.AUTHORIZATION_CODE;
    }

    @Override
    public Granted redeem(ClientRegistration client, TokenRequest request, Instant now) {
        required("code", request.code());
        required("redirectUri", request.redirectUri());
        required("codeVerifier", request.codeVerifier());
        AuthorizationCode code = codeOf(client, request)
                // An unknown code and another client's code look the same, so codes cannot be probed.
                .orElseThrow(() -> invalid("Invalid authorization code provided"));
        if (code.usedAt() != null) {
            throw invalid("Authorization code has already been used; the tokens issued for it are revoked");
        }
        if (code.expiredAt(now)) {
            throw new DomainException(new DomainError.ExpiredToken("Authorization code has expired"));
        }
        if (!code.redirectUri().equals(request.redirectUri())) {
            throw invalid("redirectUri does not match the one of the authorization request");
        }
        if (!Pkce.verifies(request.codeVerifier(), code.codeChallenge())) {
            throw invalid("Code verifier does not match the code challenge");
        }
        User user = users.findById(code.userId()).filter(User::enabled)
                .orElseThrow(() -> new DomainException(new DomainError.AccessDenied("The user is not active")));
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), null, SessionKind.TOKEN,
                user.userId(), client.clientId(), null, now, now.plus(lifetimes.portalSession()), null);
        sessions.insert(session);
        if (!authorizationCodes.markUsed(code.codeHash(), session.sessionId(), now)) {
            throw invalid("Authorization code has already been used");
        }
        return new Granted(session, user);
    }

    /** RFC 6749 §4.1.2: a replayed code may be in an attacker's hands, so what it issued stops working. */
    @Override
    public void afterRefusal(ClientRegistration client, TokenRequest request, Instant now, RequestContext context) {
        codeOf(client, request)
                .filter(code -> code.usedAt() != null && code.sessionId() != null)
                .ifPresent(code -> sessions.revoke(code.sessionId(), now));
    }

    private Optional<AuthorizationCode> codeOf(ClientRegistration client, TokenRequest request) {
        if (request.code() == null) {
            return Optional.empty();
        }
        return authorizationCodes.findByCodeHash(Secrets.hash(request.code()))
                .filter(code -> code.clientId().equals(client.clientId()));
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required for the authorization_code grant");
        }
    }

    private static DomainException invalid(String message) {
        return new DomainException(new DomainError.InvalidGrant(message));
    }
}
