package dev.gatehouse.server.tls;

import dev.gatehouse.server.config.HttpConfig;
import dev.gatehouse.server.config.TlsConfig;
import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The listeners when Gatehouse serves TLS itself: HTTPS on the configured port (first, so it is the one the server
 * reports) and, if asked for, a plain-HTTP port whose every request {@link dev.gatehouse.server.http.HttpsPolicy}
 * redirects to the https public URL.
 */
public final class TlsListeners {

    private TlsListeners() {
    }

    /** Adds both listeners to Jetty; Javalin then adds no plain listener of its own. */
    public static ReloadingSslContextFactory add(JettyConfig jetty, HttpConfig http) {
        TlsConfig tls = http.tls();
        ReloadingSslContextFactory sslFactory;
        try {
            sslFactory = new ReloadingSslContextFactory(tls.certificateFile(), tls.keyFile());
        } catch (TlsFileException e) {
            throw new IllegalStateException("Cannot serve TLS: " + e.getMessage(), e);
        }
        jetty.addConnector((server, base) -> {
            HttpConfiguration secure = new HttpConfiguration(base);
            secure.setSecureScheme("https");
            secure.setSecurePort(http.port());
            // Host names are the proxy's and the client's business: a request is not refused for its Host header.
            SecureRequestCustomizer customizer = new SecureRequestCustomizer();
            customizer.setSniHostCheck(false);
            secure.addCustomizer(customizer);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(sslFactory, "http/1.1"), new HttpConnectionFactory(secure));
            connector.setHost(http.bindAddress());
            connector.setPort(http.port());
            return connector;
        });
        if (tls.redirectPort() != null) {
            jetty.addConnector((server, base) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(base));
                connector.setHost(http.bindAddress());
                connector.setPort(tls.redirectPort());
                return connector;
            });
        }
        return sslFactory;
    }
}
