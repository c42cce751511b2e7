package dev.gatehouse.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM forms operators meet, read into what the TLS stack serves, and the files it refuses with a reason. */
class PemCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void readWhenPkcs8EcKeyThenChainAndKeyAreServed() throws Exception {
        KeyPair keys = keys("EC");
        X509Certificate certificate = selfSigned(keys, "SHA256withECDSA");
        Path certificateFile = write("cert.pem", pem(certificate) + pem(selfSigned(keys("EC"), "SHA256withECDSA")));
        Path keyFile = write("key.pem", pem(new JcaPKCS8Generator(keys.getPrivate(), null)));

        PemCredentials credentials = PemCredentials.read(certificateFile, keyFile);

        assertThat(credentials.certificate()).isEqualTo(certificate);
        assertThat(credentials.chain()).hasSize(2);
        assertThat(credentials.keyStore().getCertificateChain(PemCredentials.ALIAS)).hasSize(2);
    }

    @Test
    void readWhenOpenSslRsaOrEcKeyFormThenAccepted() throws Exception {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            KeyPair keys = keys(algorithm);
            X509Certificate certificate = selfSigned(keys, "RSA".equals(algorithm) ? "SHA256withRSA"
                    : "SHA256withECDSA");
            String keyPem = "RSA".equals(algorithm) ? pem(keys.getPrivate()) : openSslEcKey(keys);
            assertThat(keyPem).contains("BEGIN " + algorithm + " PRIVATE KEY");

            PemCredentials credentials = PemCredentials.read(write(algorithm + ".crt", pem(certificate)),
                    write(algorithm + ".key", keyPem));

            assertThat(credentials.key().getAlgorithm()).isEqualTo(algorithm);
        }
    }

    @Test
    void readWhenKeyBelongsToAnotherCertificateThenRefusedNamingBoth() throws Exception {
        Path certificateFile = write("cert.pem", pem(selfSigned(keys("EC"), "SHA256withECDSA")));
        Path keyFile = write("key.pem", pem(new JcaPKCS8Generator(keys("EC").getPrivate(), null)));

        assertThatThrownBy(() -> PemCredentials.read(certificateFile, keyFile)).isInstanceOf(TlsFileException.class)
                .hasMessage(keyFile + " is not the private key of the first certificate in " + certificateFile);
    }

    @Test
    void readWhenKeyIsEncryptedThenRefusedWithHowToDecryptIt() throws Exception {
        KeyPair keys = keys("EC");
        Path certificateFile = write("cert.pem", pem(selfSigned(keys, "SHA256withECDSA")));
        Path keyFile = write("key.pem", pem(new JcaPKCS8Generator(keys.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                        .setPassword("secret".toCharArray()).build())));

        assertThatThrownBy(() -> PemCredentials.read(certificateFile, keyFile)).isInstanceOf(TlsFileException.class)
                .hasMessageContaining("encrypted private key").hasMessageContaining("openssl pkey");
    }

    @Test
    void readWhenFilesHoldNoPemThenRefusedSayingWhatWasExpected() throws Exception {
        KeyPair keys = keys("EC");
        Path empty = write("empty.pem", "not a certificate\n");
        Path keyFile = write("key.pem", pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
        Path certificateFile = write("cert.pem", pem(selfSigned(keys, "SHA256withECDSA")));

        assertThatThrownBy(() -> PemCredentials.read(empty, keyFile)).isInstanceOf(TlsFileException.class)
                .hasMessage(empty + " holds no PEM certificate (BEGIN CERTIFICATE)");
        assertThatThrownBy(() -> PemCredentials.read(certificateFile, certificateFile))
                .isInstanceOf(TlsFileException.class).hasMessageContaining("holds no PEM private key");
        assertThatThrownBy(() -> PemCredentials.read(dir.resolve("missing.pem"), keyFile))
                .isInstanceOf(TlsFileException.class).hasMessageContaining("cannot read");
    }

    /** As {@code openssl ecparam -genkey} writes it: SEC1, with the named curve inside. */
    private static String openSslEcKey(KeyPair keys) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        BigInteger d = ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS();
        ECPrivateKey sec1 = new ECPrivateKey(256, d, info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    static KeyPair keys(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize("RSA".equals(algorithm) ? 2048 : 256);
        return generator.generateKeyPair();
    }

    static X509Certificate selfSigned(KeyPair keys, String signature) throws Exception {
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
    }

    static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
