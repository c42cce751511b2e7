package dev.gatehouse.server.web;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.SamlCertificates;
import dev.gatehouse.core.identitysource.SamlExchanges;
import dev.gatehouse.core.identitysource.SamlExchanges.SpCredential;
import dev.gatehouse.core.signin.ExternalProfile;
import dev.gatehouse.core.signin.ExternalSignInStep;
import dev.gatehouse.core.signin.ExternalSignInStep.ExternalIdentity;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.idp.saml.SamlRefused;
import dev.gatehouse.server.idp.saml.SamlResponseVerifier;
import dev.gatehouse.server.idp.saml.ServiceProvider;
import dev.gatehouse.server.idp.saml.SpKeyGenerator;
import dev.gatehouse.server.idp.saml.VerifiedAssertion;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;

/**
 * Signing in through a SAML 2.0 identity provider, when it is the identity source. {@code /saml/metadata} publishes
 * Gatehouse's SP metadata (always, so it can be entered at the IdP before the source is switched); {@code /signin}
 * sends the browser to the IdP with a signed AuthnRequest ({@link #start}), its ID remembered by core; the IdP posts
 * the response to {@code /saml/acs}. RelayState carries {@code next}, which is followed only as a path on this
 * site, whoever set it. Every refusal is audited by {@link ExternalSignInStep#refuse} and shows a page that does
 * not repeat the reason.
 */
final class SamlSignInPages {

    private final IdentitySources sources;
    private final SamlExchanges exchanges;
    private final ExternalSignInStep step;
    private final SignInSteps steps;
    private final Clock clock;
    private final ServiceProvider serviceProvider;
    private final SpKeyGenerator keys;

    SamlSignInPages(IdentitySources sources, SamlExchanges exchanges, ExternalSignInStep step, SignInSteps steps,
                    Clock clock, String publicUrl) {
        this.sources = sources;
        this.exchanges = exchanges;
        this.step = step;
        this.steps = steps;
        this.clock = clock;
        this.serviceProvider = new ServiceProvider(publicUrl);
        this.keys = new SpKeyGenerator(clock);
    }

    void mount(PageRoutes routes) {
        routes.get(ServiceProvider.METADATA_PATH, this::metadata);
        routes.post(ServiceProvider.ACS_PATH, this::acs);
    }

    /** Sends the browser to the IdP; {@code next} (already made safe) comes back as RelayState. */
    void start(Context ctx, IdentitySource source, String next) {
        SpCredential credential = exchanges.spCredential(keys::generate);
        String requestId = exchanges.newRequestId();
        ctx.redirect(serviceProvider.authnRequestUrl(source.saml().ssoUrl(), requestId, next,
                credential.privateKey(), clock.instant()).toString(), HttpStatus.SEE_OTHER);
    }

    private void metadata(Context ctx) {
        SpCredential credential = exchanges.spCredential(keys::generate);
        ctx.contentType("application/samlmetadata+xml; charset=utf-8");
        ctx.result(serviceProvider.metadata(credential.certificate()));
    }

    private void acs(Context ctx) {
        RequestContext context = RequestContexts.of(ctx);
        IdentitySource source = sources.current();
        if (source.kind() != Kind.EXTERNAL_SAML) {
            throw new DomainException(new DomainError.NotFound("Page", ctx.path(),
                    "Sign-in through a SAML identity provider is not set up."));
        }
        VerifiedAssertion assertion;
        try {
            assertion = SamlResponseVerifier.verify(ctx.formParam("SAMLResponse"), new SamlResponseVerifier.Expected(
                    source.issuer(), source.saml().signingCertificates().stream().map(SamlCertificates::parse)
                    .toList(), serviceProvider.entityId(), serviceProvider.acsUrl(), clock.instant()));
        } catch (SamlRefused e) {
            throw step.refuse(e.getMessage(), context);
        }
        if (assertion.inResponseTo() == null) {
            if (!source.saml().idpInitiatedAllowed()) {
                throw step.refuse("IdP-initiated sign-in (no InResponseTo) is turned off", context);
            }
        } else if (!exchanges.answered(assertion.inResponseTo())) {
            throw step.refuse("InResponseTo " + assertion.inResponseTo() + " names no outstanding request "
                    + "(unknown, expired or answered already)", context);
        }
        if (assertion.assertionId() == null
                || !exchanges.firstUse(assertion.issuer(), assertion.assertionId(), assertion.usableUntil())) {
            throw step.refuse("assertion " + assertion.assertionId() + " was used before (replay)", context);
        }
        String userAttribute = source.saml().userAttribute();
        String name = userAttribute == null ? assertion.nameId() : assertion.first(userAttribute);
        ExternalIdentity identity = new ExternalIdentity(assertion.issuer(), assertion.nameId(), source.userClaim(),
                name, List.of(), assertion.authnContextClassRef(), profile(assertion, source));
        steps.continueWith(ctx, step.signIn(identity, context), followableRelayState(ctx, context));
    }

    /** RelayState as {@code next}; one pointing off this site is refused (audited) and the portal shown instead. */
    private String followableRelayState(Context ctx, RequestContext context) {
        String relayState = ctx.formParam("RelayState");
        String next = NextPaths.safe(relayState);
        if (relayState != null && !relayState.isEmpty() && !next.equals(relayState)) {
            step.refuseRedirect(relayState, context);
        }
        return next;
    }

    /**
     * For just-in-time provisioning: the usual attribute names of Okta, Entra ID and Keycloak (short names, or the
     * claim URIs Entra sends), and the configured groups attribute.
     */
    private static ExternalProfile profile(VerifiedAssertion assertion, IdentitySource source) {
        return new ExternalProfile(
                firstOf(assertion, "email", "mail", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"),
                firstOf(assertion, "firstName", "givenName",
                        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"),
                firstOf(assertion, "lastName", "surname", "sn",
                        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"),
                firstOf(assertion, "displayName", "name", "http://schemas.microsoft.com/identity/claims/displayname"),
                source.groupsClaim() == null ? null
                        : assertion.attributes().getOrDefault(source.groupsClaim(), List.of()));
    }

    private static String firstOf(VerifiedAssertion assertion, String... names) {
        for (String name : names) {
            String value = assertion.first(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
