package dev.gatehouse.server.idp;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.OidcRelyingParty.LoggedOut;
import dev.gatehouse.server.idp.OidcRelyingParty.Refused;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0): the provider posts a signed logout
 * token when the person signs out there or an administrator ends their sessions there, and every Gatehouse session
 * of that person ends at once — which IAM Identity Center does not do. Answers as the specification says: 200 when
 * done (also for a subject never seen), 400 with an OAuth error object when the token does not verify, never
 * cached. Server to server, so no cookie, CSRF token or page is involved.
 */
public final class BackChannelLogoutApi implements HttpModule {

    public static final String PATH = "/signin/oidc/backchannel-logout";
    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogoutApi.class);

    private final IdentitySources sources;
    private final OidcRelyingParty relyingParty;

    public BackChannelLogoutApi(IdentitySources sources, OidcRelyingParty relyingParty) {
        this.sources = sources;
        this.relyingParty = relyingParty;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(PATH, this::logout);
    }

    private void logout(Context ctx) throws Exception {
        ctx.header("Cache-Control", "no-store");
        IdentitySource source = sources.current();
        if (source.kind() != IdentitySource.Kind.EXTERNAL_OIDC) {
            refuse(ctx, "no external OpenID Connect provider is the identity source");
            return;
        }
        LoggedOut loggedOut;
        try {
            loggedOut = relyingParty.verifyLogout(source, ctx.formParam("logout_token"));
        } catch (Refused e) {
            // Only the reason is logged, never the token.
            LOG.warn("Back-channel logout refused (request {}): {}", RequestContexts.of(ctx).requestId(),
                    e.getMessage());
            refuse(ctx, "the logout token does not verify");
            return;
        }
        sources.endSessionsOfSubject(loggedOut.issuer(), loggedOut.subject(), RequestContexts.of(ctx));
        ctx.status(HttpStatus.OK);
    }

    private static void refuse(Context ctx, String description) throws Exception {
        ctx.status(HttpStatus.BAD_REQUEST).contentType("application/json")
                .result(Json.MAPPER.writeValueAsString(Map.of("error", "invalid_request",
                        "error_description", description)));
    }
}
