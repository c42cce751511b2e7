package dev.gatehouse.server.web;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.signin.ExternalSignInStep;
import dev.gatehouse.core.signin.ExternalSignInStep.ExternalIdentity;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.OidcRelyingParty;
import dev.gatehouse.server.idp.OidcRelyingParty.Refused;
import dev.gatehouse.server.idp.OidcRelyingParty.Started;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signing in through the external OpenID Connect provider, when it is the identity source: {@code /signin} sends
 * the browser to the provider ({@link #start}), and {@code /signin/oidc/callback} takes it back. What the callback
 * is checked against (state, nonce, PKCE verifier, the issuer and client it was started for, when, and {@code next})
 * travels in one cookie sealed with the instance's sealing keys, SameSite=Lax so the provider's redirect carries it,
 * valid for {@value #STATE_MINUTES} minutes and cleared at the first callback, so a state is answered once.
 */
final class OidcSignInPages {

    static final String CALLBACK_PATH = "/signin/oidc/callback";
    static final String STATE_COOKIE = "gatehouse_oidc_signin";
    static final int STATE_MINUTES = 10;
    private static final String VERSION = "v1";

    private final IdentitySources sources;
    private final ExternalSignInStep step;
    private final OidcRelyingParty relyingParty;
    private final SignInSteps steps;
    private final CookieWriter cookies;
    private final Clock clock;
    private final URI redirectUri;

    OidcSignInPages(IdentitySources sources, ExternalSignInStep step, OidcRelyingParty relyingParty,
                    SignInSteps steps, CookieWriter cookies, Clock clock, String publicUrl) {
        this.sources = sources;
        this.step = step;
        this.relyingParty = relyingParty;
        this.steps = steps;
        this.cookies = cookies;
        this.clock = clock;
        this.redirectUri = URI.create(publicUrl + CALLBACK_PATH);
    }

    void mount(PageRoutes routes) {
        routes.get(CALLBACK_PATH, this::callback);
    }

    /** Sends the browser to the provider; {@code next} (already made safe) comes back through the sealed cookie. */
    void start(Context ctx, IdentitySource source, String next) {
        Started started;
        try {
            started = relyingParty.start(source, redirectUri);
        } catch (Refused e) {
            throw step.refuse(e.getMessage(), RequestContexts.of(ctx));
        }
        String payload = String.join("\n", VERSION, started.state(), started.nonce(), started.codeVerifier(),
                Long.toString(clock.instant().getEpochSecond()), source.issuer(), source.clientId(), next);
        cookies.write(ctx, STATE_COOKIE, sources.sealSignInState(payload), CookieWriter.SameSite.LAX,
                Duration.ofMinutes(STATE_MINUTES).toSeconds());
        ctx.redirect(started.authorizationUri().toString(), HttpStatus.SEE_OTHER);
    }

    private void callback(Context ctx) {
        RequestContext context = RequestContexts.of(ctx);
        IdentitySource source = sources.current();
        if (source.kind() != IdentitySource.Kind.EXTERNAL_OIDC) {
            throw new DomainException(new DomainError.NotFound("Page", ctx.path(),
                    "Sign-in through an external identity provider is not set up."));
        }
        String sealed = ctx.cookie(STATE_COOKIE);
        if (sealed != null) {
            cookies.clear(ctx, STATE_COOKIE, CookieWriter.SameSite.LAX);
        }
        String[] fields = sources.openSignInState(sealed).map(p -> p.split("\n", 8)).orElse(new String[0]);
        if (fields.length != 8 || !VERSION.equals(fields[0])) {
            throw step.refuse("no sign-in state cookie, or it does not open", context);
        }
        String state = fields[1];
        String nonce = fields[2];
        String verifier = fields[3];
        Instant startedAt = Instant.ofEpochSecond(Long.parseLong(fields[4]));
        String next = NextPaths.safe(fields[7]);
        if (clock.instant().isAfter(startedAt.plus(Duration.ofMinutes(STATE_MINUTES)))) {
            throw step.refuse("sign-in state expired", context);
        }
        if (!fields[5].equals(source.issuer()) || !fields[6].equals(source.clientId())) {
            throw step.refuse("identity source changed during the sign-in", context);
        }
        String returned = ctx.queryParam("state");
        if (returned == null || !MessageDigest.isEqual(returned.getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw step.refuse("state does not match the sign-in this browser started", context);
        }
        if (ctx.queryParam("error") != null) {
            throw step.refuse("provider answered error " + ctx.queryParam("error"), context);
        }
        IDTokenClaimsSet claims;
        try {
            claims = relyingParty.finish(source, sources.clientSecret(source), redirectUri, ctx.queryParam("code"),
                    verifier, nonce);
        } catch (Refused e) {
            throw step.refuse(e.getMessage(), context);
        }
        List<String> amr = claims.getAMR() == null ? List.of()
                : claims.getAMR().stream().map(a -> a.getValue()).toList();
        ExternalIdentity identity = new ExternalIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                source.userClaim(), claims.getStringClaim(source.userClaim().claimName()), amr,
                claims.getACR() == null ? null : claims.getACR().getValue(), OidcProfiles.of(claims, source));
        steps.continueWith(ctx, step.signIn(identity, context), next);
    }
}
