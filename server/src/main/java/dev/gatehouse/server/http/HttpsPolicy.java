package dev.gatehouse.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * What an https public URL means for every request: the answer carries HSTS, and a request known to have come over
 * plain HTTP is sent to the same path under the public URL instead of being served. A request is known to be plain
 * when Gatehouse serves TLS and it arrived on the redirect port, or when a trusted proxy says so in
 * {@code X-Forwarded-Proto}; that header from any other peer is the client's say-so and is ignored.
 */
public final class HttpsPolicy {

    /** A year, the value HSTS preload lists ask for; no includeSubDomains, since other hosts are not ours to bind. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final String publicUrl;
    private final boolean servesTls;
    private final TrustedProxies proxies;

    private HttpsPolicy(String publicUrl, boolean servesTls, TrustedProxies proxies) {
        this.publicUrl = publicUrl;
        this.servesTls = servesTls;
        this.proxies = proxies;
    }

    /**
     * What runs before every request; nothing at all unless the public URL is https.
     *
     * @param servesTls whether Gatehouse serves TLS itself: then its only plain listener is the redirect port
     */
    public static Handler before(String publicUrl, boolean servesTls, TrustedProxies proxies) {
        HttpsPolicy policy = new HttpsPolicy(publicUrl, servesTls, proxies);
        return policy::apply;
    }

    /** Whether clients reach Gatehouse at {@code url} over https, directly or through a proxy. */
    public static boolean isHttps(String url) {
        return url != null && url.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    private void apply(Context ctx) {
        if (!isHttps(publicUrl)) {
            return;
        }
        ctx.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        if (arrivedInPlain(ctx)) {
            String query = ctx.queryString();
            String target = publicUrl + ctx.path() + (query == null ? "" : "?" + query);
            // 308 keeps a POST a POST; browsers and curl follow both.
            boolean safe = "GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name());
            ctx.redirect(target, safe ? HttpStatus.MOVED_PERMANENTLY : HttpStatus.PERMANENT_REDIRECT);
        }
    }

    private boolean arrivedInPlain(Context ctx) {
        if (servesTls) {
            return !ctx.req().isSecure();
        }
        if (!proxies.trusts(ctx.req().getRemoteAddr())) {
            return false;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        // Proxies that append list one scheme per hop; the first is the one the client used, as Jetty reads it too.
        return "http".equalsIgnoreCase(proto.split(",")[0].strip());
    }
}
