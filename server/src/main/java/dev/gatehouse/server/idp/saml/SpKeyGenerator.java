package dev.gatehouse.server.idp.saml;

import dev.gatehouse.core.identitysource.SamlExchanges.NewKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes Gatehouse's SAML signing key: RSA 2048 and a self-signed certificate, as SAML metadata carries keys (IdPs
 * use the certificate only as a key holder, not for a chain). Valid ten years, since replacing it means updating
 * the SP at the IdP.
 */
public final class SpKeyGenerator {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final Clock clock;

    public SpKeyGenerator(Clock clock) {
        this.clock = clock;
    }

    public NewKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=Gatehouse SAML service provider");
            X509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            byte[] der = certificate.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                    .getEncoded();
            return new NewKey(pair.getPrivate().getEncoded(), Base64.getEncoder().encodeToString(der));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot make the SAML signing key", e);
        }
    }
}
