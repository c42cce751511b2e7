package dev.gatehouse.core.oidc;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The browser side of the authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636), as current AWS CLIs use
 * it: check what {@code /authorize} was asked, then let the signed-in person allow or deny it. Allowing issues a
 * short-lived code that {@link AuthorizationCodeGrant} later exchanges for tokens.
 */
public final class AuthorizationRequests {

    /** The client exchanges the code at once; RFC 6749 §4.1.2 recommends at most ten minutes. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final AuthorizationCodeRepository authorizationCodes;
    private final ClientRepository clients;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;

    public AuthorizationRequests(AuthorizationCodeRepository authorizationCodes, ClientRepository clients,
                                 Transactions transactions, Clock clock, AuditLog audit) {
        this.authorizationCodes = authorizationCodes;
        this.clients = clients;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * {@code /authorize}'s query parameters as received, each null when absent. The AWS CLI sends the scopes in
     * {@code scopes}, space-joined; none means all the client registered.
     */
    public record AuthorizeRequest(String responseType, String clientId, String redirectUri, String state,
                                   String codeChallenge, String codeChallengeMethod, String scopes) { }

    /** What a checked request leads to: a question for the person, or straight back to the client. */
    public sealed interface Outcome permits Consent, Redirect { }

    /**
     * A valid request: the person is asked whether {@code clientName} may sign in as them.
     *
     * @param redirectOrigin where the browser is sent after the answer, e.g. {@code http://127.0.0.1:53219}
     */
    public record Consent(AuthorizeRequest request, String clientName, List<String> scopes, String redirectOrigin)
            implements Outcome { }

    /** Back to the client's redirect URI, with a code or an RFC 6749 §4.1.2.1 error. */
    public record Redirect(String location) implements Outcome { }

    /**
     * Throws when the client or redirect URI cannot be trusted: sending the browser there would make an open
     * redirector, so the person is told instead (RFC 6749 §4.1.2.1). Any other fault goes back to the client.
     */
    public Outcome check(AuthorizeRequest request) {
        ClientRegistration client = knownClient(request.clientId());
        if (request.redirectUri() == null || request.redirectUri().isBlank()) {
            throw DomainException.invalid("redirect_uri", "The request names no redirect URI (redirect_uri).");
        }
        if (client.redirectUris().stream().noneMatch(registered -> RedirectUris.matches(registered,
                request.redirectUri()))) {
            throw DomainException.invalid("redirect_uri", "The redirect URI " + request.redirectUri()
                    + " is not registered for this application.");
        }
        if (request.responseType() == null) {
            return refused(request, "invalid_request", "response_type is required");
        }
        if (!"code".equals(request.responseType())) {
            return refused(request, "unsupported_response_type", "Only response_type=code is supported");
        }
        if (!client.grantTypes().contains(GrantTypes.AUTHORIZATION_CODE)) {
            return refused(request, "unauthorized_client",
                    "The client is not registered for the authorization_code grant");
        }
        if (!Pkce.S256.equals(request.codeChallengeMethod())) {
            return refused(request, "invalid_request", "code_challenge_method must be S256");
        }
        if (!Pkce.wellFormedChallenge(request.codeChallenge())) {
            return refused(request, "invalid_request",
                    "code_challenge must be the 43-character BASE64URL of a SHA-256 digest");
        }
        List<String> scopes = requestedScopes(request.scopes(), client);
        for (String scope : scopes) {
            if (!client.scopes().contains(scope)) {
                return refused(request, "invalid_scope", "The scope " + scope + " is not registered for this client");
            }
        }
        return new Consent(request, client.clientName(), scopes, RedirectUris.origin(request.redirectUri()));
    }

    /** The person allows the request: a code goes back to the client. The request is checked again first. */
    public Redirect allow(AuthorizeRequest request, User user, RequestContext context) {
        return switch (check(request)) {
            case Redirect refused -> refused;
            case Consent consent -> issueCode(consent, user, context);
        };
    }

    /** The person refuses: the client hears {@code access_denied}. */
    public Redirect deny(AuthorizeRequest request, User user, RequestContext context) {
        return switch (check(request)) {
            case Redirect refused -> refused;
            case Consent consent -> {
                Actor actor = Actor.user(user.userId(), user.userName());
                transactions.run(() -> audit.as(actor, EventSource.SSO_OIDC, context)
                        .success("DenyAuthorization", auditParameters(consent)));
                yield refused(request, "access_denied", "The user denied the authorization request");
            }
        };
    }

    private Redirect issueCode(Consent consent, User user, RequestContext context) {
        AuthorizeRequest request = consent.request();
        String code = Secrets.newToken("ghac_");
        Instant now = clock.instant();
        AuthorizationCode stored = new AuthorizationCode(Secrets.hash(code), request.clientId(), user.userId(),
                request.redirectUri(), request.codeChallenge(), consent.scopes(), now, now.plus(CODE_LIFETIME), null,
                null);
        transactions.run(() -> {
            authorizationCodes.insert(stored);
            audit.as(Actor.user(user.userId(), user.userName()), EventSource.SSO_OIDC, context)
                    .success("ApproveAuthorization", auditParameters(consent),
                            Map.of("codeExpiresAt", stored.expiresAt().toString()));
        });
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        putState(parameters, request);
        return new Redirect(RedirectUris.withParameters(request.redirectUri(), parameters));
    }

    private ClientRegistration knownClient(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new DomainException(new DomainError.InvalidClient("The request names no application (client_id)."));
        }
        ClientRegistration client = clients.findById(clientId).orElseThrow(() -> new DomainException(
                new DomainError.InvalidClient("The application that sent you here is not registered.")));
        if (!clock.instant().isBefore(client.expiresAt())) {
            throw new DomainException(new DomainError.InvalidClient(
                    "The application's registration has expired. Start the sign-in again from the application."));
        }
        return client;
    }

    private static List<String> requestedScopes(String spaceJoined, ClientRegistration client) {
        if (spaceJoined == null || spaceJoined.isBlank()) {
            return client.scopes();
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(spaceJoined.trim().split(" +")));
        return List.copyOf(scopes);
    }

    private static Redirect refused(AuthorizeRequest request, String error, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        putState(parameters, request);
        return new Redirect(RedirectUris.withParameters(request.redirectUri(), parameters));
    }

    /** RFC 6749 §4.1.2: the state comes back exactly as sent, whenever the client sent one. */
    private static void putState(Map<String, String> parameters, AuthorizeRequest request) {
        if (request.state() != null) {
            parameters.put("state", request.state());
        }
    }

    private static Map<String, Object> auditParameters(Consent consent) {
        return Map.of("clientId", consent.request().clientId(), "redirectUri", consent.request().redirectUri(),
                "scopes", consent.scopes());
    }
}
