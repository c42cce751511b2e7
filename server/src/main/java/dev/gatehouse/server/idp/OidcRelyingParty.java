package dev.gatehouse.server.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import dev.gatehouse.core.identitysource.IdentitySource;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gatehouse as an OpenID Connect relying party, with Nimbus: the provider's discovery document (cached per issuer
 * and client), the authorization request (code flow, PKCE S256, state, nonce), the code exchange (client secret
 * basic), and the ID token's validation by {@link IDTokenValidator} against the provider's JWKS, which Nimbus caches
 * and fetches again when a token names a key it has not seen (rotation): signature (RS256), iss, aud, exp, iat
 * within the skew, nonce. Nothing here decides who the user is; core's {@code ExternalSignInStep} does.
 */
public final class OidcRelyingParty {

    /** Allowed clock difference with the provider for exp and iat. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    /** Why a provider's answer was not accepted: audited, never shown to the person. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }

        public Refused(String reason, Throwable cause) {
            super(reason + ": " + cause.getMessage(), cause);
        }
    }

    /** What the browser carries through the provider's sign-in, to check the answer against. */
    public record Started(URI authorizationUri, String state, String nonce, String codeVerifier) { }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator,
                            LogoutTokenValidator logoutValidator) { }

    /** Who the provider says signed out, from a verified logout token. */
    public record LoggedOut(String issuer, String subject) { }

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();

    public Started start(IdentitySource source, URI redirectUri) throws Refused {
        Provider provider = provider(source);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), new ClientID(source.clientId()), redirectUri)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Started(request.toURI(), state.getValue(), nonce.getValue(), verifier.getValue());
    }

    /** Exchanges the code and returns the ID token's claims once they are verified. */
    public IDTokenClaimsSet finish(IdentitySource source, String clientSecret, URI redirectUri, String code,
                                   String codeVerifier, String expectedNonce) throws Refused {
        if (code == null || code.isBlank()) {
            throw new Refused("no authorization code in the callback");
        }
        Provider provider = provider(source);
        TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(source.clientId()), new Secret(clientSecret)),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new Refused("token endpoint failed", e);
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw new Refused("token endpoint refused the code: " + (error.getErrorObject() == null ? "unknown"
                    : error.getErrorObject().getCode()));
        }
        JWT idToken = response.toSuccessResponse().getTokens().toOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new Refused("no ID token in the token response");
        }
        try {
            return provider.validator().validate(idToken, new Nonce(expectedNonce));
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("ID token rejected", e);
        }
    }

    /**
     * Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0) with Nimbus: signature from the
     * same JWKS as ID tokens, iss, aud, iat, the logout event, no nonce; it must name a subject, since Gatehouse
     * finds the user by the subject they signed in with.
     */
    public LoggedOut verifyLogout(IdentitySource source, String logoutToken) throws Refused {
        if (logoutToken == null || logoutToken.isBlank()) {
            throw new Refused("no logout_token");
        }
        Provider provider = provider(source);
        LogoutTokenClaimsSet claims;
        try {
            claims = provider.logoutValidator().validate(JWTParser.parse(logoutToken));
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            throw new Refused("logout token rejected", e);
        }
        if (claims.getSubject() == null) {
            throw new Refused("logout token names no subject");
        }
        return new LoggedOut(claims.getIssuer().getValue(), claims.getSubject().getValue());
    }

    private Provider provider(IdentitySource source) throws Refused {
        String key = source.issuer() + " " + source.clientId();
        Provider cached = providers.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            Issuer issuer = new Issuer(source.issuer());
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
            URL jwks = metadata.getJWKSetURI().toURL();
            // One key source for both validators: cached, fetched again for a key id it has not seen (rotation).
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks, new DefaultResourceRetriever(
                    CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS)).build();
            ClientID clientId = new ClientID(source.clientId());
            IDTokenValidator validator = new IDTokenValidator(issuer, clientId,
                    new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), null);
            validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
            // Not insisting on the logout+jwt type: Keycloak and others send plain JWT.
            LogoutTokenValidator logoutValidator = new LogoutTokenValidator(issuer, clientId, false,
                    new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), null);
            logoutValidator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
            Provider provider = new Provider(metadata, validator, logoutValidator);
            providers.put(key, provider);
            return provider;
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException | RuntimeException e) {
            throw new Refused("discovery of " + source.issuer() + " failed", e);
        }
    }
}
