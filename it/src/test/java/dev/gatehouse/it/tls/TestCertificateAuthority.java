package dev.gatehouse.it.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test run, as an operator's internal CA would be: it issues server
 * certificates for {@code localhost} and {@code 127.0.0.1}, written as the PEM files Gatehouse reads, and lends
 * clients (the SDK, the JDK's HTTP client, the AWS CLI through {@code AWS_CA_BUNDLE}) a way to trust it and nothing
 * else.
 */
public final class TestCertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One issued certificate and where its files are. */
    public record Issued(X509Certificate certificate, Path certificateFile, Path keyFile) {

        public BigInteger serial() {
            return certificate.getSerialNumber();
        }
    }

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final X500Name name = new X500Name("CN=Gatehouse test CA");

    private TestCertificateAuthority() {
        this.keys = ecKeys();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            this.certificate = sign(builder);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the test CA", e);
        }
    }

    public static TestCertificateAuthority create() {
        return new TestCertificateAuthority();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a server certificate for {@code localhost} and {@code 127.0.0.1} and writes it (with the CA after it, as
     * a chain file holds intermediates) and its PKCS#8 key as {@code <name>.crt} and {@code <name>.key} in
     * {@code dir}.
     */
    public Issued issueServerCertificate(Path dir, String fileName) {
        KeyPair server = ecKeys();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                    new X500Name("CN=localhost"), server.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(server.getPublic()));
            X509Certificate issued = sign(builder);
            Path certificateFile = dir.resolve(fileName + ".crt");
            Path keyFile = dir.resolve(fileName + ".key");
            writeAtomically(certificateFile, pem(issued) + pem(certificate));
            writeAtomically(keyFile, pem(new JcaPKCS8Generator(server.getPrivate(), null)));
            return new Issued(issued, certificateFile, keyFile);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a server certificate", e);
        }
    }

    /** Writes the CA certificate as a PEM bundle, what {@code AWS_CA_BUNDLE} names. */
    public Path writeBundle(Path file) {
        writeAtomically(file, pem(certificate));
        return file;
    }

    /** Trust managers that trust this CA only. */
    public TrustManager[] trustManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the test CA", e);
        }
    }

    /** A TLS context for clients that trusts this CA only. */
    public SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS client context", e);
        }
    }

    /** Replaces {@code target} in one step, as a renewal tool should, so no reader sees half a file. */
    public static void writeAtomically(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".writing", ".pem");
            Files.writeString(temporary, text);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
