package dev.gatehouse.core.identitysource;

import dev.gatehouse.core.error.DomainException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** An X.509 certificate as SAML metadata carries it: base64 DER, line breaks and spaces allowed. */
public final class SamlCertificates {

    private SamlCertificates() {
    }

    public static X509Certificate parse(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64 == null ? "" : base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw DomainException.invalid("signingCertificates", "Not an X.509 certificate in base64: "
                    + e.getMessage());
        }
    }

    /** The certificate as stored: base64 DER on one line. */
    public static String normalized(String base64) {
        try {
            return Base64.getEncoder().encodeToString(parse(base64).getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw DomainException.invalid("signingCertificates", "Cannot encode the certificate: " + e.getMessage());
        }
    }
}
