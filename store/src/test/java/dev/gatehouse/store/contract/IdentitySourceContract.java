package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.identitysource.SamlSettings;
import dev.gatehouse.core.identitysource.SamlSpKey;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The single identity source row, and ending every browser session when it changes. */
public interface IdentitySourceContract extends StoreContract {

    @Test
    default void identitySourceIsAbsentThenReplacedWhole() {
        assertThat(store().identitySource().find()).isEmpty();

        IdentitySource oidc = new IdentitySource(Kind.EXTERNAL_OIDC, "https://idp.example.com/realms/corp",
                "gatehouse", "sealed-secret", UserClaim.EMAIL, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED, NOW);
        store().identitySource().put(oidc);
        assertThat(store().identitySource().find()).contains(oidc);

        IdentitySource jit = new IdentitySource(Kind.EXTERNAL_OIDC, "https://idp.example.com/realms/corp",
                "gatehouse", "sealed-secret", UserClaim.PREFERRED_USERNAME, Provisioning.JIT, "groups",
                IdpMfa.required(List.of("urn:okta:loa:2fa:any", "2")), NOW);
        store().identitySource().put(jit);
        assertThat(store().identitySource().find()).contains(jit);

        IdentitySource builtIn = IdentitySource.builtIn(NOW.plusSeconds(1));
        store().identitySource().put(builtIn);
        assertThat(store().identitySource().find()).contains(builtIn);
    }

    @Test
    default void samlSourceKeepsItsIdpSettings() {
        IdentitySource saml = new IdentitySource(Kind.EXTERNAL_SAML, "https://idp.example.com/saml", null, null,
                UserClaim.EMAIL, Provisioning.JIT, "memberOf", IdpMfa.NOT_REQUIRED, NOW,
                new SamlSettings("https://idp.example.com/sso", List.of("MIIB-one", "MIIB-two"), true, null,
                        "https://idp.example.com/metadata"));
        store().identitySource().put(saml);
        assertThat(store().identitySource().find()).contains(saml);

        IdentitySource byAttribute = new IdentitySource(Kind.EXTERNAL_SAML, "urn:idp", null, null,
                UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED, NOW,
                new SamlSettings("https://idp.example.com/sso", List.of("MIIB-one"), false, "uid", null));
        store().identitySource().put(byAttribute);
        assertThat(store().identitySource().find()).contains(byAttribute);
    }

    @Test
    default void ldapSourceKeepsItsDirectorySettingsInFailoverOrder() {
        IdentitySource ldap = new IdentitySource(Kind.LDAP, null, null, "sealed-bind-password", null, null, null,
                IdpMfa.NOT_REQUIRED, NOW, null, new LdapSettings(
                        List.of("ldap://dc2.example.com:389", "ldap://dc1.example.com"), Transport.START_TLS,
                        "/etc/gatehouse/ldap-ca.pem", "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com",
                        "(objectClass=inetOrgPerson)", "ou=groups,dc=example,dc=com", "(objectClass=groupOfNames)",
                        LdapSchema.ACTIVE_DIRECTORY));
        store().identitySource().put(ldap);
        assertThat(store().identitySource().find()).contains(ldap);
    }

    @Test
    default void directoryLinksAreKeptPerKindAndMoveWhenRelinked() {
        store().identitySource().linkDirectoryEntry("USER", "uuid-1", "user-a");
        store().identitySource().linkDirectoryEntry("GROUP", "uuid-1", "group-a");
        store().identitySource().linkDirectoryEntry("USER", "uuid-1", "user-b");
        store().identitySource().linkDirectoryEntry("USER", "uuid-2", "user-c");
        assertThat(store().identitySource().directoryLinks("USER"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("uuid-1", "user-b", "uuid-2", "user-c"));
        store().identitySource().unlinkDirectoryEntry("USER", "uuid-2");
        assertThat(store().identitySource().directoryLinks("USER")).containsOnlyKeys("uuid-1");
        assertThat(store().identitySource().directoryLinks("GROUP")).containsEntry("uuid-1", "group-a");
        assertThat(store().identitySource().directoryIdOf("USER", "user-b")).contains("uuid-1");
        assertThat(store().identitySource().directoryIdOf("USER", "group-a")).isEmpty();
    }

    @Test
    default void aLeaseIsHeldByOneHolderUntilItExpiresOrIsReleased() {
        Instant now = Instant.parse("2026-12-06T23:00:00Z");
        Instant later = now.plusSeconds(600);
        assertThat(store().identitySource().takeLease("ldap-sync", "node-a", now, later)).isTrue();
        assertThat(store().identitySource().takeLease("ldap-sync", "node-b", now.plusSeconds(1), later))
                .as("held by node-a").isFalse();
        assertThat(store().identitySource().takeLease("ldap-sync", "node-a", now.plusSeconds(2), later))
                .as("its holder renews it").isTrue();
        assertThat(store().identitySource().takeLease("ldap-sync", "node-b", later, later.plusSeconds(600)))
                .as("expired, so node-b takes it over").isTrue();
        store().identitySource().releaseLease("ldap-sync", "node-a");
        assertThat(store().identitySource().takeLease("ldap-sync", "node-a", later, later.plusSeconds(600)))
                .as("node-a's release does not end node-b's lease").isFalse();
        store().identitySource().releaseLease("ldap-sync", "node-b");
        assertThat(store().identitySource().takeLease("ldap-sync", "node-a", later, later.plusSeconds(600)))
                .isTrue();
    }

    @Test
    default void samlSpKeyIsMadeOnceAndTheFirstOneStays() {
        assertThat(store().identitySource().samlSpKey()).isEmpty();
        SamlSpKey first = new SamlSpKey("sealed-1", "cert-1", NOW);
        assertThat(store().identitySource().insertSamlSpKeyIfAbsent(first)).isEqualTo(first);
        assertThat(store().identitySource().insertSamlSpKeyIfAbsent(new SamlSpKey("sealed-2", "cert-2", NOW)))
                .isEqualTo(first);
        assertThat(store().identitySource().samlSpKey()).contains(first);
    }

    @Test
    default void samlRequestIsAnsweredOnceAndNotAfterItExpired() {
        store().identitySource().insertSamlRequest("_req-1", NOW.plusSeconds(600));
        store().identitySource().insertSamlRequest("_req-2", NOW.plusSeconds(600));

        assertThat(store().identitySource().takeSamlRequest("_req-1", NOW)).isTrue();
        assertThat(store().identitySource().takeSamlRequest("_req-1", NOW)).isFalse();
        assertThat(store().identitySource().takeSamlRequest("_unknown", NOW)).isFalse();
        assertThat(store().identitySource().takeSamlRequest("_req-2", NOW.plusSeconds(601))).isFalse();
    }

    @Test
    default void samlAssertionIsUsedOncePerIssuerAndPurgedWhenExpired() {
        assertThat(store().identitySource().rememberAssertion("urn:idp", "_a1", NOW.plusSeconds(300))).isTrue();
        assertThat(store().identitySource().rememberAssertion("urn:idp", "_a1", NOW.plusSeconds(300))).isFalse();
        assertThat(store().identitySource().rememberAssertion("urn:other", "_a1", NOW.plusSeconds(300))).isTrue();
        store().identitySource().insertSamlRequest("_old", NOW.minus(Duration.ofDays(3)));

        Map<String, Integer> deleted = store().expiredRows().deleteEnded(NOW.plus(Duration.ofDays(1)));

        assertThat(deleted).containsEntry("saml_assertions", 2).containsEntry("saml_requests", 1);
        assertThat(store().identitySource().rememberAssertion("urn:idp", "_a1", NOW.plusSeconds(300))).isTrue();
    }

    @Test
    default void aProviderSubjectNamesTheUserItLastSignedInAsAndGoesWithTheUser() {
        User ada = TestUsers.user("ada");
        User bob = TestUsers.user("bob");
        store().users().insert(ada);
        store().users().insert(bob);
        String issuer = "https://idp.example.com";

        store().identitySource().rememberSubject(issuer, "sub-1", ada.userId(), NOW);
        store().identitySource().rememberSubject("https://other.example.com", "sub-1", bob.userId(), NOW);
        assertThat(store().identitySource().userOfSubject(issuer, "sub-1")).contains(ada.userId());
        store().identitySource().rememberSubject(issuer, "sub-1", bob.userId(), NOW.plusSeconds(1));
        assertThat(store().identitySource().userOfSubject(issuer, "sub-1")).contains(bob.userId());
        assertThat(store().identitySource().userOfSubject(issuer, "sub-2")).isEmpty();

        store().users().delete(bob.userId());
        assertThat(store().identitySource().userOfSubject(issuer, "sub-1")).isEmpty();
        assertThat(store().identitySource().userOfSubject("https://other.example.com", "sub-1")).isEmpty();
    }

    @Test
    default void revokeAllBrowserEndsBrowserSessionsOnly() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        PortalSession browser = new PortalSession("s-browser", "hash-browser", SessionKind.BROWSER, ed.userId(),
                null, "csrf-1", NOW, NOW.plus(Duration.ofHours(8)), null);
        PortalSession other = new PortalSession("s-other", "hash-other", SessionKind.TOKEN, ed.userId(),
                null, "csrf-2", NOW, NOW.plus(Duration.ofHours(8)), null);
        store().sessions().insert(browser);
        store().sessions().insert(other);

        assertThat(store().sessions().revokeAllBrowser(NOW.plusSeconds(5))).isEqualTo(1);
        assertThat(store().sessions().findById("s-browser").orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(store().sessions().findById("s-other").orElseThrow().revokedAt()).isNull();
        assertThat(store().sessions().revokeAllBrowser(NOW.plusSeconds(6))).isZero();
    }
}
