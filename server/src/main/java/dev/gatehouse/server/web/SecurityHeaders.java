package dev.gatehouse.server.web;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.server.http.StorageOutage;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The headers every page carries. The policy allows only our own stylesheet, our own one script file and forms
 * posting back to us: no inline script or handler, so an injected tag can neither run nor send a form elsewhere,
 * and no framing, so the approve button cannot be clickjacked. Pages hold CSRF tokens, credentials and personal
 * data, hence no-store.
 *
 * <p>Browsers hold a form to {@code form-action} along every redirect its answer makes. While an external provider
 * signs people in, a form whose answer leads to {@code /signin} (a session that ended meanwhile) goes on to the
 * provider, so its origin is allowed too. The source is read for each page, so a change applies at once.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String FORMS_TO_SELF = "form-action 'self'";

    private final IdentitySources sources;

    SecurityHeaders(IdentitySources sources) {
        this.sources = sources;
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", currentPolicy());
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // Activation links carry their token in the query: no Referer may take it to another site.
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * The policy under the current source; while the database cannot be reached, the strictest one, so the page
     * still carries its headers when it says so (503).
     */
    private String currentPolicy() {
        try {
            return policy(sources.current());
        } catch (RuntimeException e) {
            if (StorageOutage.causes(e)) {
                return CONTENT_SECURITY_POLICY;
            }
            throw e;
        }
    }

    /** The page policy under {@code source}: forms may also end at an external provider's origin. */
    static String policy(IdentitySource source) {
        return providerOrigin(source).map(SecurityHeaders::allowingFormsTo).orElse(CONTENT_SECURITY_POLICY);
    }

    /**
     * Where sign-in sends the browser: an OpenID provider's issuer (its authorization endpoint lives there), a SAML
     * provider's single sign-on URL (its entity ID need not be a URL); empty for the built-in directory.
     */
    static Optional<String> providerOrigin(IdentitySource source) {
        if (!source.external()) {
            return Optional.empty();
        }
        return origin(source.kind() == IdentitySource.Kind.EXTERNAL_SAML && source.saml() != null
                ? source.saml().ssoUrl() : source.issuer());
    }

    /** The base policy, letting forms (and the redirects they lead to) end at {@code origin} as well. */
    static String allowingFormsTo(String origin) {
        if (!CONTENT_SECURITY_POLICY.contains(FORMS_TO_SELF)) {
            throw new IllegalStateException("The page policy no longer reads " + FORMS_TO_SELF);
        }
        return CONTENT_SECURITY_POLICY.replace(FORMS_TO_SELF, FORMS_TO_SELF + " " + origin);
    }

    /** {@code scheme://host[:port]} of an http(s) URL; empty for anything else, which then adds nothing. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                return Optional.empty();
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
