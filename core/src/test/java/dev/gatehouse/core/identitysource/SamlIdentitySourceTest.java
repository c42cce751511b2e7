package dev.gatehouse.core.identitysource;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.SamlExchanges.NewKey;
import dev.gatehouse.core.signin.ExternalSignInStep.ExternalIdentity;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.testing.InMemoryCore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The SAML identity source in core: what an administrator may set, Gatehouse's sealed SP key, the one-time
 * AuthnRequest ids and assertion ids, and a verified assertion signing someone in, audited as EXTERNAL_SAML.
 */
class SamlIdentitySourceTest {

    private static final String ENTITY_ID = "https://idp.example.com/saml";
    /** A self-signed test certificate (CN=test-idp), in base64 DER with line breaks as metadata has it. */
    private static final String CERTIFICATE = """
            MIIDCTCCAfGgAwIBAgIUY00G6zZ1cwsQ9GfJwMlv0F+unbQwDQYJKoZIhvcNAQELBQAwEzERMA8G
            A1UEAwwIdGVzdC1pZHAwIBcNMjYxMjA2MjAyMjM2WhgPMjEyNjExMTIyMDIyMzZaMBMxETAPBgNV
            BAMMCHRlc3QtaWRwMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7ySIdzTah7FSQejw
            GqAXzOepi0rgFgVJTkZgLhuOEBQgAhwCxRSQ5PiqBrTUWS2WuKa3eMsFkswEh1rdp1JkX3TiJAlL
            8y/RvXbjXn38vXbzJzDpinzLjcz4g1bhWVNjaasBwgtBNdy98UJK9orhKxYmX+yJPcnfonAnRy0l
            +T1QgDh7AIH0uIWrO5EFfa4DnIBrasHJ1ssAkhLKqOeIIET6+gbG6XWUE5hST6xmlqsQ4ey45f7h
            w0EKb8ZXzYBhHr2UnkzzgpPCB6fjCU9xN6viSgPI5029fZT/lgrgkzxWzMXBRerRKS0gGmq5Rz92
            sZ/2T8BY+xbwrL2uFisZlQIDAQABo1MwUTAdBgNVHQ4EFgQUJdh77HQfqTGjKGPOEm9O8+cK2GIw
            HwYDVR0jBBgwFoAUJdh77HQfqTGjKGPOEm9O8+cK2GIwDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG
            9w0BAQsFAAOCAQEADYkZA0L+EXlcyyhVuEmbtpjotWZyCrf7EK7EDuO5GsO3EiHI1wD2CWTlYPZE
            YuotxV7KFwfO4OWgeC6qV5ryGVxTgo7HS49C11BbA+CZ4IaSOTjrVMyC7NBu5RaNPw4xyc+/gDRu
            5Rr7qJT4B/aNMrDt6eXJKfvwhkjE3qvhrGuZIvG7koC629b9xmif1KQNip0hlBFm7SxiwtrxrLJI
            ms8cgkLb91oPsFJxHqcyMeiDEv5beqJPMa3d6+Bg1efatKH4pmRFQRFgKKTecC92PC6taxqZ4Glt
            3sYk2wdBJ0Xdtx/Bn0rGvCh96AU+Eii+OCJkuFZvqj3fBF3mQHC1LA==
            """;

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();

    private static ExternalSaml saml(String ssoUrl, List<String> certificates, Provisioning provisioning,
                                     String groupsAttribute) {
        return new ExternalSaml(ENTITY_ID, new SamlSettings(ssoUrl, certificates, false, null, null),
                UserClaim.PREFERRED_USERNAME, provisioning, groupsAttribute, IdpMfa.NOT_REQUIRED);
    }

    private IdentitySource set(ExternalSaml settings) {
        return services.identitySources().setExternalSaml(settings, Actor.administratorCli(), CONTEXT);
    }

    private static String refusedField(Runnable change) {
        DomainException refused = catchThrowableOfType(DomainException.class, change::run);
        assertThat(refused).isNotNull();
        return ((DomainError.InvalidInput) refused.error()).field();
    }

    @Test
    void setExternalSamlKeepsTheCertificatesOnOneLineAndAuditsTheChange() {
        IdentitySource source = set(saml("https://idp.example.com/sso", List.of(CERTIFICATE), Provisioning.SCIM,
                null));

        assertThat(source.kind()).isEqualTo(Kind.EXTERNAL_SAML);
        assertThat(source.external()).isTrue();
        assertThat(source.saml().signingCertificates()).singleElement()
                .satisfies(c -> assertThat(c).startsWith("MII").doesNotContain("\n", " "));
        assertThat(services.identitySources().current()).isEqualTo(source);
        assertThat(services.auditQueries().find(new AuditQuery(null, "UpdateIdentitySource", null, null, 10)))
                .singleElement().satisfies(e -> assertThat(e.requestParameters())
                        .containsEntry("identitySourceType", "EXTERNAL_SAML").containsEntry("entityId", ENTITY_ID)
                        .containsEntry("userAttribute", "NameID"));
    }

    @Test
    void setExternalSamlRefusesWhatWouldLetAnUnsignedOrMisdirectedSignInThrough() {
        assertThat(refusedField(() -> set(saml("http://idp.example.com/sso", List.of(CERTIFICATE),
                Provisioning.SCIM, null)))).isEqualTo("ssoUrl");
        assertThat(refusedField(() -> set(saml("https://idp.example.com/sso", List.of(), Provisioning.SCIM,
                null)))).isEqualTo("signingCertificates");
        assertThat(refusedField(() -> set(saml("https://idp.example.com/sso", List.of("bm90IGEgY2VydA=="),
                Provisioning.SCIM, null)))).isEqualTo("signingCertificates");
        assertThat(refusedField(() -> set(saml("https://idp.example.com/sso", List.of(CERTIFICATE),
                Provisioning.SCIM, "groups")))).isEqualTo("groupsClaim");
        assertThat(services.identitySources().current().external()).isFalse();
    }

    @Test
    void theSpKeyIsMadeOnceAndStoredSealed() {
        AtomicInteger made = new AtomicInteger();
        byte[] privateKey = "pkcs8-private-key-bytes".getBytes(StandardCharsets.UTF_8);
        SamlExchanges.SpCredential first = services.samlExchanges().spCredential(() -> {
            made.incrementAndGet();
            return new NewKey(privateKey, "MIIcert");
        });
        SamlExchanges.SpCredential again = services.samlExchanges().spCredential(() -> {
            throw new AssertionError("a second key must not be made");
        });

        assertThat(made).hasValue(1);
        assertThat(first.privateKey()).isEqualTo(privateKey);
        assertThat(again.privateKey()).isEqualTo(privateKey);
        assertThat(again.certificate()).isEqualTo("MIIcert");
        assertThat(core.store.identitySource().samlSpKey().orElseThrow().sealedPrivateKey())
                .doesNotContain("pkcs8-private-key-bytes");
    }

    @Test
    void aRequestIdIsAnsweredOnceAndOnlyWithinItsLifetime() {
        String answered = services.samlExchanges().newRequestId();
        String late = services.samlExchanges().newRequestId();

        assertThat(answered).startsWith("_").isNotEqualTo(late);
        assertThat(services.samlExchanges().answered(answered)).isTrue();
        assertThat(services.samlExchanges().answered(answered)).isFalse();
        assertThat(services.samlExchanges().answered("_never-sent")).isFalse();
        core.clock.advance(SamlExchanges.REQUEST_LIFETIME.plusSeconds(1));
        assertThat(services.samlExchanges().answered(late)).isFalse();
    }

    @Test
    void anAssertionIdIsUsedOnce() {
        assertThat(services.samlExchanges().firstUse(ENTITY_ID, "_a1", core.clock.instant().plusSeconds(300)))
                .isTrue();
        assertThat(services.samlExchanges().firstUse(ENTITY_ID, "_a1", core.clock.instant().plusSeconds(300)))
                .isFalse();
    }

    @Test
    void aVerifiedAssertionSignsInAndIsAuditedWithItsAuthnContextClassRef() {
        services.identityStore().createUser(new NewUser("ada", null, "Ada", "Lovelace", "ada@example.com", false),
                Actor.administratorCli(), CONTEXT);
        set(saml("https://idp.example.com/sso", List.of(CERTIFICATE), Provisioning.SCIM, null));
        core.clock.advance(Duration.ofSeconds(1));

        SignedIn signedIn = (SignedIn) services.externalSignInStep().signIn(new ExternalIdentity(ENTITY_ID, "ADA",
                UserClaim.PREFERRED_USERNAME, "ADA", List.of(),
                "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"), CONTEXT);

        assertThat(signedIn.user().userName()).isEqualTo("ada");
        AuditEvent event = services.auditQueries().find(new AuditQuery(null, "UserAuthentication", null, null, 10))
                .getFirst();
        assertThat(event.requestParameters()).containsEntry("credentialType", "EXTERNAL_SAML")
                .containsEntry("authnContextClassRef",
                        "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")
                .doesNotContainKey("acr");
    }

    @Test
    void ownPasswordsAreRefusedWhileSamlIsTheSource() {
        set(saml("https://idp.example.com/sso", List.of(CERTIFICATE), Provisioning.SCIM, null));
        DomainException refused = catchThrowableOfType(DomainException.class, () -> services.passwordStep()
                .signIn("ada", "whatever".toCharArray(), CONTEXT));
        assertThat(refused).isNotNull();
        assertThat(refused.error().message()).contains("sign in through your identity provider");
    }
}
