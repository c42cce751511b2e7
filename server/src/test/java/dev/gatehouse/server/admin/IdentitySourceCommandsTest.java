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
}
