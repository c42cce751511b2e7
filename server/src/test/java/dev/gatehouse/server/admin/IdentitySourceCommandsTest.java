package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.idp.saml.SpKeyGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin identity-source}: show, switch to an external OIDC provider and back; each switch is audited. */
class IdentitySourceCommandsTest {

    private static final RequestContext SETUP = RequestContext.commandLine("identity-source-commands-test");
    private static final String PASSWORD = "Corr3ct-Horse!";

    @TempDir
    Path dataDir;
    private Services running;

    record Result(int exitCode, String out, String err) { }

    @BeforeEach
    void open() {
        running = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_MFA_WITHOUT_DEVICE", "allow")).load(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        running.close();
    }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.runOn(running, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void switchesToExternalOidcAndBackEndingBrowserSessions() throws Exception {
        running.core().identityStore().createUser(new NewUser("ed.developer", null, "Ed", "Developer",
                "ed@example.com", false), Actor.administratorCli(), SETUP);
        running.core().activations().setPassword(
                running.core().activations().issue("ed.developer", Actor.administratorCli(), SETUP),
                PASSWORD.toCharArray(), SETUP);
        SignedIn signedIn = (SignedIn) running.core().passwordStep().signIn("ed.developer", PASSWORD.toCharArray(),
                SETUP);
        assertThat(admin("identity-source", "show").out()).contains("built-in directory");

        Path secret = Files.writeString(dataDir.resolve("client-secret"), "s3cret\n");
        Result set = admin("identity-source", "set-external-oidc", "--issuer", "https://idp.example.com/realms/corp",
                "--client-id", "gatehouse", "--client-secret-file", secret.toString(), "--user-claim", "email");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("/signin/oidc/callback");

        IdentitySource source = running.core().identitySources().current();
        assertThat(source.external()).isTrue();
        assertThat(source.sealedClientSecret()).doesNotContain("s3cret");
        assertThat(running.core().identitySources().clientSecret(source)).isEqualTo("s3cret");
        assertThat(running.core().browserSessions().find(signedIn.cookieValue())).isEmpty();
        assertThat(admin("identity-source", "show").out()).contains("external OIDC", "idp.example.com", "email",
                "scim").doesNotContain("s3cret");
        assertThat(running.core().auditQueries().find(new AuditQuery("gatehouse-admin", "UpdateIdentitySource", null,
                null, 10))).first().satisfies(e -> assertThat(e.requestParameters())
                .containsEntry("identitySourceType", "EXTERNAL_OIDC").doesNotContainValue("s3cret"));

        assertThat(admin("identity-source", "set-builtin").exitCode()).isZero();
        assertThat(running.core().identitySources().current().external()).isFalse();
    }

    @Test
    void refusesAPlainHttpIssuerAndAGroupsClaimWithoutJit() throws Exception {
        Path secret = Files.writeString(dataDir.resolve("client-secret"), "s3cret");
        Result http = admin("identity-source", "set-external-oidc", "--issuer", "http://idp.example.com",
                "--client-id", "gatehouse", "--client-secret-file", secret.toString());
        assertThat(http.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(http.err()).contains("https");
        Result scimGroups = admin("identity-source", "set-external-oidc", "--issuer", "https://idp.example.com",
                "--client-id", "gatehouse", "--client-secret-file", secret.toString(), "--groups-claim", "groups");
        assertThat(scimGroups.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(scimGroups.err()).contains("just-in-time");
        Result acrAlone = admin("identity-source", "set-external-oidc", "--issuer", "https://idp.example.com",
                "--client-id", "gatehouse", "--client-secret-file", secret.toString(), "--mfa-acr", "2");
        assertThat(acrAlone.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(running.core().identitySources().current().external()).isFalse();
    }

    @Test
    void setsJustInTimeProvisioningWithAGroupsClaimAndRequiredIdpMfa() throws Exception {
        Path secret = Files.writeString(dataDir.resolve("client-secret"), "s3cret");
        Result set = admin("identity-source", "set-external-oidc", "--issuer", "https://idp.example.com",
                "--client-id", "gatehouse", "--client-secret-file", secret.toString(), "--provisioning", "jit",
                "--groups-claim", "groups", "--require-idp-mfa", "--mfa-acr", "urn:okta:loa:2fa:any,2");
        assertThat(set.exitCode()).as(set.err()).isZero();
        var source = running.core().identitySources().current();
        assertThat(source.groupsClaim()).isEqualTo("groups");
        assertThat(source.idpMfa().required()).isTrue();
        assertThat(source.idpMfa().acrValues()).containsExactly("urn:okta:loa:2fa:any", "2");
        assertThat(admin("identity-source", "show").out()).contains("provisioning:    jit")
                .contains("groups claim:    groups").contains("required (acr: urn:okta:loa:2fa:any 2)");
    }

    @Test
    void setsExternalSamlFromAMetadataFileAndShowsWhatToEnterAtTheIdp() throws Exception {
        String certificate = new SpKeyGenerator(Clock.systemUTC()).generate().certificate();
        Path metadata = Files.writeString(dataDir.resolve("idp-metadata.xml"), """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="encryption"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                      <ds:X509Data><ds:X509Certificate>not-this-one</ds:X509Certificate></ds:X509Data>
                    </ds:KeyInfo></md:KeyDescriptor>
                    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                      <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                    </ds:KeyInfo></md:KeyDescriptor>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                        Location="https://idp.example.com/saml/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>""".formatted(certificate));

        Result set = admin("identity-source", "set-external-saml", "--metadata-file", metadata.toString(),
                "--user-claim", "email", "--allow-idp-initiated");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("/saml/metadata", "/saml/acs", "sp slo url:", "/saml/slo");
        IdentitySource source = running.core().identitySources().current();
        assertThat(source.kind()).isEqualTo(IdentitySource.Kind.EXTERNAL_SAML);
        assertThat(source.issuer()).isEqualTo("https://idp.example.com/saml");
        assertThat(source.saml().ssoUrl()).isEqualTo("https://idp.example.com/saml/sso");
        assertThat(source.saml().signingCertificates()).containsExactly(certificate);
        assertThat(source.saml().idpInitiatedAllowed()).isTrue();
        assertThat(admin("identity-source", "show").out()).contains("external SAML", "NameID, matched as email",
                "idp-initiated:   allowed", "sp acs url:");
        assertThat(running.core().auditQueries().find(new AuditQuery("gatehouse-admin", "UpdateIdentitySource", null,
                null, 10))).first().satisfies(e -> assertThat(e.requestParameters())
                .containsEntry("identitySourceType", "EXTERNAL_SAML")
                .containsEntry("entityId", "https://idp.example.com/saml"));
    }

    @Test
    void refusesSamlMetadataWithADoctypeOrWithoutASigningCertificate() throws Exception {
        Path doctype = Files.writeString(dataDir.resolve("doctype.xml"), "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><md:EntityDescriptor "
                + "xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&x;\"/>");
        Result refused = admin("identity-source", "set-external-saml", "--metadata-file", doctype.toString());
        assertThat(refused.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(refused.err()).contains("DOCTYPE");

        Path unsigned = Files.writeString(dataDir.resolve("unsigned.xml"), """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:idp">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                        Location="https://idp.example.com/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>""");
        Result noKey = admin("identity-source", "set-external-saml", "--metadata-file", unsigned.toString());
        assertThat(noKey.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(noKey.err()).contains("no signing certificate");
        assertThat(running.core().identitySources().current().external()).isFalse();
    }
}
