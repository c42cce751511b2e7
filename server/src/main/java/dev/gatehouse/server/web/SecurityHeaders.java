package dev.gatehouse.server.web;

import io.javalin.http.Context;

/**
 * The headers every page carries. The policy allows only our own stylesheet, our own one script file and forms
 * posting back to us: no inline script or handler, so an injected tag can neither run nor send a form elsewhere,
 * and no framing, so the approve button cannot be clickjacked. Pages hold CSRF tokens, credentials and personal
 * data, hence no-store.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // Activation links carry their token in the query: no Referer may take it to another site.
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
