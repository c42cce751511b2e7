package dev.gatehouse.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate chain and its private key read from the PEM files web servers and ACME clients use. The key may be
 * PKCS#8 ({@code BEGIN PRIVATE KEY}) or OpenSSL's RSA or EC form; an encrypted key is refused, since Gatehouse would
 * need its passphrase in the environment anyway. The key must belong to the first certificate, so a renewal caught
 * half-written (new certificate, old key) is refused rather than served.
 *
 * @param chain the server certificate first, then its intermediates
 */
public record PemCredentials(List<X509Certificate> chain, PrivateKey key) {

    static final String ALIAS = "gatehouse";
    /** Guards nothing (the key store never leaves memory); Java's key stores insist on one. */
    static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    /** Reads both files. */
    public static PemCredentials read(Path certificateFile, Path keyFile) throws TlsFileException {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(chain.getFirst(), key)) {
            throw new TlsFileException(keyFile + " is not the private key of the first certificate in "
                    + certificateFile);
        }
        return new PemCredentials(List.copyOf(chain), key);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** A key store in memory holding the key under {@link #ALIAS}, for the TLS stack. */
    KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the TLS key in memory", e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws TlsFileException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : pemObjects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new TlsFileException(file + " holds a certificate Java cannot read: " + e.getMessage());
                }
            }
        }
        if (chain.isEmpty()) {
            throw new TlsFileException(file + " holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) throws TlsFileException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : pemObjects(file)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    // Only the private half: an EC key written without its optional public key is still whole.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            } catch (IOException e) {
                throw new TlsFileException(file + " holds a private key Java cannot read: " + e.getMessage());
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                throw new TlsFileException(file + " holds an encrypted private key; give it unencrypted "
                        + "(openssl pkey -in encrypted.pem -out key.pem) and readable by Gatehouse only");
            }
        }
        throw new TlsFileException(file + " holds no PEM private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or "
                + "BEGIN EC PRIVATE KEY)");
    }

    private static List<Object> pemObjects(Path file) throws TlsFileException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsFileException("cannot read " + file + " as PEM: " + e.getMessage());
        }
        return objects;
    }

    /** Signs a few bytes with the key and checks them with the certificate: what any key type answers to. */
    private static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();   // Ed25519, Ed448: the key's name is its signature's
        };
        byte[] probe = "gatehouse".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
