package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.PortalSession;
import java.time.Instant;

/**
 * One OAuth grant type. It only decides whether the request earns tokens, and under which session;
 * checking the client and issuing the tokens happen once, in {@link TokenEndpoint}, for every grant.
 */
public interface TokenGrant {

    String grantType();

    /**
     * Runs before the issuing transaction, outside any: for asking an outside system (the identity source) whose
     * answer must be kept even when the grant is then refused. May throw a DomainException to refuse. Nothing by
     * default.
     */
    default void beforeRedeem(ClientRegistration client, TokenRequest request, RequestContext context) {
    }

    /** Runs inside the issuing transaction; throws a DomainException to refuse. */
    Granted redeem(ClientRegistration client, TokenRequest request, Instant now);

    /**
     * Runs when {@link #redeem} refused the client's request, after its transaction rolled back, in the transaction
     * that audits the refusal: for what must hold although the request failed. Nothing by default.
     */
    default void afterRefusal(ClientRegistration client, TokenRequest request, Instant now, RequestContext context) {
    }

    record Granted(PortalSession session, User user) { }
}
