package dev.gatehouse.server.idp;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.SamlCertificates;
import dev.gatehouse.core.identitysource.SamlExchanges;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.saml.LogoutRequestVerifier;
import dev.gatehouse.server.idp.saml.LogoutRequestVerifier.VerifiedLogoutRequest;
import dev.gatehouse.server.idp.saml.SamlRefused;
import dev.gatehouse.server.idp.saml.ServiceProvider;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.UUID;

/**
 * SAML 2.0 back-channel single logout: the IdP posts a signed LogoutRequest (form field {@code SAMLRequest}, as
 * Keycloak does for a SAML client with a "Logout Service POST Binding URL" and front-channel logout off) when the
 * person signs out there or an administrator ends their sessions there, and every Gatehouse session of that person
 * ends at once. The NameID finds the person through the subject their SAML sign-ins recorded; SessionIndex is not
 * needed, since all of the person's sessions end. Answered with a LogoutResponse in the body: Success (also for a
 * NameID never seen), or Requester with 400 when refused; every refusal is audited. Server to server: no cookie, CSRF
 * token or page.
 */
public final class SamlLogoutApi implements HttpModule {

    private final IdentitySources sources;
    private final SamlExchanges exchanges;
    private final Clock clock;
    private final ServiceProvider serviceProvider;

    public SamlLogoutApi(IdentitySources sources, SamlExchanges exchanges, Clock clock, String publicUrl) {
        this.sources = sources;
        this.exchanges = exchanges;
        this.clock = clock;
        this.serviceProvider = new ServiceProvider(publicUrl);
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(ServiceProvider.SLO_PATH, this::logout);
    }

    private void logout(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        RequestContext context = RequestContexts.of(ctx);
        IdentitySource source = sources.current();
        if (source.kind() != IdentitySource.Kind.EXTERNAL_SAML) {
            refuse(ctx, null, "no SAML identity provider is the identity source", context);
            return;
        }
        VerifiedLogoutRequest request;
        try {
            request = LogoutRequestVerifier.verify(ctx.formParam("SAMLRequest"), new LogoutRequestVerifier.Expected(
                    source.issuer(), source.saml().signingCertificates().stream().map(SamlCertificates::parse)
                    .toList(), serviceProvider.sloUrl(), clock.instant()));
        } catch (SamlRefused e) {
            refuse(ctx, null, e.getMessage(), context);
            return;
        }
        if (!exchanges.firstUse(request.issuer(), request.id(), request.usableUntil())) {
            refuse(ctx, request.id(), "logout request " + request.id() + " was used before (replay)", context);
            return;
        }
        sources.endSessionsOfSubject(request.issuer(), request.nameId(), context);
        answer(ctx, HttpStatus.OK, request.id(), true);
    }

    private void refuse(Context ctx, String inResponseTo, String reason, RequestContext context) {
        sources.refuseLogout(reason, context);
        answer(ctx, HttpStatus.BAD_REQUEST, inResponseTo, false);
    }

    private void answer(Context ctx, HttpStatus status, String inResponseTo, boolean success) {
        ctx.status(status).contentType("application/xml; charset=utf-8").result(serviceProvider.logoutResponse(
                "_" + UUID.randomUUID(), inResponseTo, success, clock.instant()));
    }
}
