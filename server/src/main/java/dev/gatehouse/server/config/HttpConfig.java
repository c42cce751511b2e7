package dev.gatehouse.server.config;

import dev.gatehouse.server.http.HttpsPolicy;
import dev.gatehouse.server.http.TrustedProxies;

/**
 * Where the HTTP server listens and how clients reach it.
 *
 * @param port           0 picks a free one
 * @param publicUrl      how clients reach this server, without a trailing slash; null: {@code http://localhost:<port>}
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the source address
 * @param tls            HTTPS on {@code port}, or null for plain HTTP
 */
public record HttpConfig(String bindAddress, int port, String publicUrl, TrustedProxies trustedProxies,
                         TlsConfig tls) {

    /** On the loopback address and a free port: what tests and the benchmark listen on. */
    public static final HttpConfig LOOPBACK_ON_FREE_PORT = new HttpConfig("127.0.0.1", 0, null);

    public HttpConfig {
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
    }

    /** Trusting no proxy, plain HTTP. */
    public HttpConfig(String bindAddress, int port, String publicUrl) {
        this(bindAddress, port, publicUrl, TrustedProxies.NONE, null);
    }

    static HttpConfig from(SettingValues values) {
        return new HttpConfig(values.get(ConfigKeys.BIND_ADDRESS), values.get(ConfigKeys.PORT),
                values.get(ConfigKeys.PUBLIC_URL), values.get(ConfigKeys.TRUSTED_PROXIES), TlsConfig.from(values));
    }

    public HttpConfig withPublicUrl(String url) {
        return new HttpConfig(bindAddress, port, url, trustedProxies, tls);
    }

    public HttpConfig withTrustedProxies(TrustedProxies proxies) {
        return new HttpConfig(bindAddress, port, publicUrl, proxies, tls);
    }

    public HttpConfig withTls(TlsConfig newTls) {
        return new HttpConfig(bindAddress, port, publicUrl, trustedProxies, newTls);
    }

    /** Whether clients reach Gatehouse over https, directly or through a proxy: cookies are Secure, HSTS is sent. */
    public boolean publicUrlIsHttps() {
        return HttpsPolicy.isHttps(publicUrl);
    }

    /**
     * Fills in what depends on the running machine: a free port for port 0, and the public URL
     * {@code http://localhost:<port>} ({@code https://} when serving TLS) when none is configured.
     */
    public HttpConfig resolved() {
        int actualPort = port != 0 ? port : FreePorts.find();
        String scheme = tls != null ? "https" : "http";
        return new HttpConfig(bindAddress, actualPort,
                publicUrl != null ? publicUrl : scheme + "://localhost:" + actualPort, trustedProxies, tls);
    }

    /** The access portal URL: the "SSO start URL" people paste into {@code configure sso}. */
    public String portalUrl() {
        return publicUrl + "/start";
    }
}
