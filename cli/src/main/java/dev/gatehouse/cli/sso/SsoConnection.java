package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.cache.RoleCredentialsCache;
import dev.gatehouse.cli.cache.SsoCache;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * One session's way to the server: the sso-oidc and portal clients at the endpoints its profile resolves to,
 * and what is built on them. Clients are made when first needed (each costs start-up time) and closed together.
 */
public final class SsoConnection implements AutoCloseable {

    private final CliEnvironment environment;
    private final SsoCache ssoCache;
    private final RoleCredentialsCache roleCache;
    private final SsoSession session;
    private final String loginCommand;
    private final Optional<URI> oidcEndpoint;
    private final Optional<URI> portalEndpoint;
    private SsoOidcClient oidc;
    private SsoClient portal;

    /** @param loginCommand what to tell the person to run when the session needs a new login */
    public SsoConnection(CliEnvironment environment, SsoCache ssoCache, RoleCredentialsCache roleCache,
                         SsoSession session, Optional<URI> oidcEndpoint, Optional<URI> portalEndpoint,
                         String loginCommand) {
        this.environment = environment;
        this.ssoCache = ssoCache;
        this.roleCache = roleCache;
        this.session = session;
        this.loginCommand = loginCommand;
        this.oidcEndpoint = oidcEndpoint;
        this.portalEndpoint = portalEndpoint;
    }

    public SsoSession session() {
        return session;
    }

    public Optional<URI> portalEndpoint() {
        return portalEndpoint;
    }

    public SessionTokens tokens() {
        return new SessionTokens(ssoCache, environment.clock(), oidc(), oidcEndpoint, loginCommand);
    }

    public RoleCredentialsSource roleCredentials() {
        return new RoleCredentialsSource(roleCache, tokens(), portal(), portalEndpoint, environment.clock());
    }

    public DeviceCodeLogin deviceCodeLogin() {
        return new DeviceCodeLogin(ssoCache, oidc(), oidcEndpoint, environment.clock(), environment.out(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    public AuthorizationCodeLogin authorizationCodeLogin() {
        return new AuthorizationCodeLogin(ssoCache, oidc(), oidcEndpoint, environment.clock(), environment.out(),
                new SecureRandom(), AuthorizationCodeLogin.DEFAULT_TIMEOUT);
    }

    public SsoOidcClient oidc() {
        if (oidc == null) {
            oidc = SdkClients.oidc(oidcEndpoint, session.region());
        }
        return oidc;
    }

    public SsoClient portal() {
        if (portal == null) {
            portal = SdkClients.portal(portalEndpoint, session.region());
        }
        return portal;
    }

    @Override
    public void close() {
        if (oidc != null) {
            oidc.close();
        }
        if (portal != null) {
            portal.close();
        }
    }
}
