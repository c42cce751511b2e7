package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which origin, besides our own, a page's forms may end at under each identity source. */
class SecurityHeadersTest {

    @Test
    void builtInDirectoryKeepsFormsToOurselves() {
        assertThat(SecurityHeaders.policy(IdentitySource.builtIn(Instant.EPOCH)))
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void openIdProviderAddsTheIssuersOriginOnly() {
        IdentitySource oidc = new IdentitySource(Kind.EXTERNAL_OIDC, "https://idp.example.com:8443/realms/corp",
                "gatehouse", "sealed", UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED,
                Instant.EPOCH);

        assertThat(SecurityHeaders.policy(oidc)).contains("form-action 'self' https://idp.example.com:8443;")
                .doesNotContain("/realms");
    }

    @Test
    void samlProviderAddsItsSingleSignOnOriginNotItsEntityId() {
        IdentitySource saml = new IdentitySource(Kind.EXTERNAL_SAML, "urn:example:idp", null, null,
                UserClaim.EMAIL, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED, Instant.EPOCH,
                new SamlSettings("https://sso.example.com/saml/sso", List.of(), false, null, null));

        assertThat(SecurityHeaders.policy(saml)).contains("form-action 'self' https://sso.example.com;");
    }
}
