package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.cache.Registration;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/**
 * {@code sso login}, the browser way, as the AWS CLI ≥ 2.22 takes it (authorization code with PKCE, RFC 7636 and
 * RFC 8252): reuse or register a browser client, listen on 127.0.0.1, send the browser to {@code /authorize}
 * (opened, and printed in case it does not open), wait for the one answer that carries this login's state, then
 * trade the code and the verifier for tokens, cached as the device flow caches them.
 */
public final class AuthorizationCodeLogin {

    /** The AWS CLI gives the person ten minutes to sign in and consent. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final String AUTHORIZATION_CODE_GRANT = "authorization_code";

    private final SsoCache cache;
    private final ClientRegistrations registrations;
    private final SsoOidcClient oidc;
    private final Optional<URI> endpoint;
    private final Clock clock;
    private final PrintStream out;
    private final SecureRandom random;
    private final Duration timeout;

    public AuthorizationCodeLogin(SsoCache cache, SsoOidcClient oidc, Optional<URI> endpoint, Clock clock,
                                  PrintStream out, SecureRandom random, Duration timeout) {
        this.cache = cache;
        this.registrations = new ClientRegistrations(cache, oidc, endpoint, clock);
        this.oidc = oidc;
        this.endpoint = endpoint;
        this.clock = clock;
        this.out = out;
        this.random = random;
        this.timeout = timeout;
    }

    /**
     * @param browser the opener to try, or empty when the person asked for no browser
     * @param callbackPort the loopback port to listen on, 0 for any free one
     */
    public SsoToken logIn(SsoSession session, Optional<BrowserOpener> browser, int callbackPort) {
        Registration registration = registrations.forAuthorizationCode(session);
        Pkce pkce = Pkce.generate(random);
        String state = Pkce.randomToken(random, 32);
        String code;
        URI redirectUri;
        try (LoopbackCallback callback = LoopbackCallback.listen(callbackPort, state)) {
            redirectUri = callback.redirectUri();
            URI authorize = new AuthorizationRequest(registration.clientId(), redirectUri, state,
                    session.scopesOrDefault(), pkce.challenge())
                    .at(AuthorizationRequest.origin(endpoint, session.region()));
            announce(authorize, redirectUri, browser);
            code = callback.awaitCode(timeout);
        }
        CreateTokenResponse tokens = createToken(registration, code, redirectUri, pkce);
        return LoginTokens.save(cache, session, registration, tokens, clock.instant());
    }

    /** The redirect URI must be the very one the browser was sent with, port included. */
    private CreateTokenResponse createToken(Registration registration, String code, URI redirectUri, Pkce pkce) {
        try {
            return oidc.createToken(r -> r.grantType(AUTHORIZATION_CODE_GRANT).clientId(registration.clientId())
                    .clientSecret(registration.clientSecret()).code(code).redirectUri(redirectUri.toString())
                    .codeVerifier(pkce.verifier()));
        } catch (InvalidGrantException | ExpiredTokenException | AccessDeniedException refused) {
            throw new CliException(ExitCode.LOGIN_FAILED, "the server refused the code the browser brought back ("
                    + ServerCalls.serviceError("CreateToken", refused).getMessage() + "). Run the login again.",
                    refused);
        } catch (AwsServiceException e) {
            throw ServerCalls.serviceError("CreateToken", e);
        } catch (SdkClientException e) {
            throw ServerCalls.clientError("CreateToken", endpoint, e);
        }
    }

    private void announce(URI authorize, URI redirectUri, Optional<BrowserOpener> browser) {
        if (browser.isPresent() && browser.get().available()) {
            out.print("Attempting to automatically open the SSO authorization page in your default browser.\n"
                    + "If the browser does not open, open the following URL in a browser on this machine:\n\n"
                    + authorize + "\n\n");
            out.flush();
            browser.get().open(authorize.toString());
        } else {
            out.print("Browser will not be automatically opened.\nPlease visit the following URL:\n\n" + authorize
                    + "\n\nAfter you sign in, the browser returns to " + redirectUri + ": from another machine,"
                    + " forward that port here first (ssh -L " + redirectUri.getPort() + ":127.0.0.1:"
                    + redirectUri.getPort() + " …, with --callback-port), or log in with --use-device-code.\n\n");
            out.flush();
        }
        out.print("Waiting for the browser to come back (Ctrl-C to cancel)…\n");
        out.flush();
    }
}
