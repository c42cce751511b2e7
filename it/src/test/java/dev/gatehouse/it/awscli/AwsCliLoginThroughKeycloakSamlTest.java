package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.idp.KeycloakAdmin;
import dev.gatehouse.it.idp.KeycloakInstalled;
import dev.gatehouse.it.idp.KeycloakServer;
import dev.gatehouse.server.idp.saml.IdpMetadata;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * {@code aws sso login} of the unmodified AWS CLI 2.9.19 (device code) while Keycloak, through SAML, is the identity
 * source: Chromium opens the code's link, Gatehouse sends it to Keycloak's login page, Keycloak's assertion brings
 * it back to the code's confirmation (the link kept in RelayState), the person approves, and the CLI's role
 * credentials work with {@code sts get-caller-identity}.
 */
@ExtendWith({AwsCliInstalled.class, KeycloakInstalled.class, ChromiumInstalled.class})
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AwsCliLoginThroughKeycloakSamlTest extends FreshGatehouseWithAwsCli {

    private static final String REALM = "gatehouse-saml-awscli";
    private static final String PASSWORD = "Idp-Passw0rd-for-tests";
    private static final Pattern USER_CODE_LINK = Pattern.compile("(/device\\?user_code=\\S+)\\r?\\n");
    /** The CLI's wait between polls after the first (see GatehouseWithDeveloper): the clock steps past it. */
    private static final Duration CLI_POLL_WAIT = Duration.ofSeconds(1 + 5);

    @Test
    void deviceCodeLoginThroughKeycloakSamlGivesWorkingRoleCredentials() {
        KeycloakServer keycloak = KeycloakServer.shared();
        String publicUrl = gatehouse.server().services().config().http().publicUrl();
        KeycloakAdmin.Realm realm = keycloak.admin().createRealm(REALM);
        realm.createSamlClient(publicUrl + "/saml/metadata", publicUrl + "/saml/acs", "username", null);
        realm.createUser("ed.developer", "ed@example.com", "Ed", "Developer", PASSWORD);
        useKeycloakSaml(keycloak.issuer(REALM) + "/protocol/saml/descriptor");
        aws.writeConfig(gatehouse.devProfile());

        try (RunningCommand login = aws.start("sso", "login", "--profile", "dev", "--no-browser")) {
            String link = login.awaitOutput(USER_CODE_LINK, AwsCli.TIMEOUT).group(1);
            keepUpWithKeycloak(gatehouse.server().clock());
            try (Chromium chromium = Chromium.start("awscli-saml-keycloak")) {
                chromium.open(gatehouse.baseUrl() + link);
                chromium.awaitUrl(url -> url.startsWith(keycloak.issuer(REALM).toString()));
                chromium.fill("username", "ed.developer");
                chromium.fill("password", PASSWORD);
                chromium.click(By.id("kc-login"));
                chromium.awaitUrl(url -> url.equals(gatehouse.baseUrl() + link));
                chromium.screenshot("confirm");
                chromium.press("Approve");
                assertThat(chromium.title()).startsWith("Request approved");
            }
            gatehouse.server().clock().advance(CLI_POLL_WAIT);
            assertThat(login.awaitExit(AwsCli.TIMEOUT)).as("aws sso login printed:%n%s", login.output()).isZero();
        }

        String arn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output", "text")
                .assertSucceeded().stdout().strip();
        assertThat(arn).matches(ROLE_ARN);
    }

    private void useKeycloakSaml(String descriptor) {
        IdpMetadata metadata;
        try {
            metadata = IdpMetadata.fetch(URI.create(descriptor));
        } catch (dev.gatehouse.server.idp.saml.SamlRefused e) {
            throw new IllegalStateException(e);
        }
        gatehouse.server().services().core().identitySources().setExternalSaml(new ExternalSaml(metadata.entityId(),
                new SamlSettings(metadata.ssoUrl(), metadata.signingCertificates(), false, null, descriptor),
                UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED), Actor.administratorCli(),
                RequestContext.commandLine("awscli-saml-keycloak-test"));
    }

    /** Keycloak stamps assertions with the real time; Gatehouse's clock is stepped to it before the sign-in. */
    private static void keepUpWithKeycloak(MutableClock clock) {
        Duration behind = Duration.between(clock.instant(), Instant.now());
        if (!behind.isNegative()) {
            clock.advance(behind);
        }
    }
}
