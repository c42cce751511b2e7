package dev.gatehouse.server.tls;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's TLS setup, from PEM files, that notices renewed files by itself. Each new connection first compares the
 * files' attributes with those last read (two {@code stat} calls, no reading); when either changed, both are read
 * again and, if they make a valid pair, served from that connection on. Connections already open keep the
 * certificate they started with. A pair that does not load (say the certificate is written before its key) is
 * logged once and the previous certificate is kept, until the files change again.
 */
public final class ReloadingSslContextFactory extends SslContextFactory.Server {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingSslContextFactory.class);
    /** TLS 1.0 and 1.1 are broken and refused by current clients anyway. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private CertificateFiles lastSeen;
    private X509Certificate serving;

    /** Reads both files now: a pair that cannot be served stops the start. */
    public ReloadingSslContextFactory(Path certificateFile, Path keyFile) throws TlsFileException {
        lastSeen = CertificateFiles.now(certificateFile, keyFile);
        PemCredentials credentials = PemCredentials.read(certificateFile, keyFile);
        setKeyStore(credentials.keyStore());
        serving = credentials.certificate();
        setIncludeProtocols(PROTOCOLS);
        setKeyStorePassword(new String(PemCredentials.IN_MEMORY_PASSWORD));
        setKeyManagerPassword(new String(PemCredentials.IN_MEMORY_PASSWORD));
        setCertAlias(PemCredentials.ALIAS);
    }

    /** The certificate new connections get. */
    public synchronized X509Certificate servingCertificate() {
        return serving;
    }

    @Override
    public SSLEngine newSSLEngine() {
        reloadIfChanged();
        return super.newSSLEngine();
    }

    @Override
    public SSLEngine newSSLEngine(String host, int port) {
        reloadIfChanged();
        return super.newSSLEngine(host, port);
    }

    @Override
    public SSLEngine newSSLEngine(InetSocketAddress address) {
        reloadIfChanged();
        return super.newSSLEngine(address);
    }

    /** Runs before each handshake; cheap when nothing changed. */
    synchronized void reloadIfChanged() {
        CertificateFiles now = lastSeen.again();
        if (now.sameAs(lastSeen)) {
            return;
        }
        lastSeen = now;
        PemCredentials credentials;
        try {
            credentials = PemCredentials.read(now.certificateFile(), now.keyFile());
        } catch (TlsFileException e) {
            LOG.warn("The TLS files changed but cannot be served ({}); still serving certificate {}",
                    e.getMessage(), describe(serving));
            return;
        }
        try {
            reload(factory -> factory.setKeyStore(credentials.keyStore()));
            serving = credentials.certificate();
            LOG.info("TLS certificate reloaded: now serving {}", describe(serving));
        } catch (Exception e) {
            LOG.warn("The TLS files changed but Jetty refused them ({}); still serving certificate {}", e.toString(),
                    describe(serving));
        }
    }

    /** Subject, serial and expiry: what an operator checks after a renewal. */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " serial " + certificate.getSerialNumber().toString(16)
                + " valid until " + certificate.getNotAfter().toInstant();
    }
}
