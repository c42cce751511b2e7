package dev.gatehouse.core.identitysource;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An LDAP directory as the source: what an administrator may set, and the bind password kept sealed. */
class LdapIdentitySourceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();

    private static LdapSettings settings(List<String> urls, Transport transport, String userFilter) {
        return new LdapSettings(urls, transport, null, "cn=gatehouse,dc=example,dc=com",
                "ou=people,dc=example,dc=com", userFilter, "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP);
    }

    private IdentitySource set(LdapSettings settings, String bindPassword) {
        return services.identitySources().setLdap(settings, bindPassword, Actor.administratorCli(), CONTEXT);
    }

    private static String refusedField(Runnable change) {
        DomainException refused = catchThrowableOfType(DomainException.class, change::run);
        assertThat(refused).isNotNull();
        return ((DomainError.InvalidInput) refused.error()).field();
    }

    @Test
    void setLdapSealsTheBindPasswordFillsThePresetFiltersAndAuditsWithoutThePassword() {
        IdentitySource source = set(settings(List.of("ldap://dc1.example.com:389/", " ldap://dc2.example.com "),
                Transport.START_TLS, null), "bind-secret");

        assertThat(source.kind()).isEqualTo(Kind.LDAP);
        assertThat(source.external()).as("people sign in on Gatehouse's own page").isFalse();
        assertThat(source.ldap().urls()).containsExactly("ldap://dc1.example.com:389", "ldap://dc2.example.com");
        assertThat(source.ldap().userFilter()).isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(source.ldap().groupFilter()).isEqualTo("(objectClass=groupOfNames)");
        assertThat(source.sealedClientSecret()).doesNotContain("bind-secret");
        assertThat(services.identitySources().bindPassword(services.identitySources().current()))
                .isEqualTo("bind-secret");
        assertThat(services.auditQueries().find(new AuditQuery(null, "UpdateIdentitySource", null, null, 10)))
                .singleElement().satisfies(e -> {
                    assertThat(e.requestParameters()).containsEntry("identitySourceType", "LDAP")
                            .containsEntry("transport", "START_TLS").containsEntry("schema", "OPENLDAP");
                    assertThat(e.requestParameters().toString()).doesNotContain("bind-secret");
                });
    }

    @Test
    void plainLdapIsRefusedUnlessChosenExplicitlyAndTheSchemeMustMatchTheTransport() {
        assertThat(refusedField(() -> set(settings(List.of("ldap://dc1.example.com"), Transport.LDAPS, null),
                "secret"))).isEqualTo("urls");
        assertThat(refusedField(() -> set(settings(List.of("ldaps://dc1.example.com"), Transport.START_TLS, null),
                "secret"))).isEqualTo("urls");
        assertThat(refusedField(() -> set(settings(List.of("ldap://dc1.example.com"), null, null), "secret")))
                .isEqualTo("transport");
        assertThat(refusedField(() -> set(settings(List.of(), Transport.LDAPS, null), "secret")))
                .isEqualTo("urls");
        assertThat(refusedField(() -> set(settings(List.of("ldaps://dc1.example.com"), Transport.LDAPS,
                "objectClass=person"), "secret"))).isEqualTo("userFilter");
        assertThat(refusedField(() -> set(settings(List.of("ldaps://dc1.example.com"), Transport.LDAPS, null),
                ""))).isEqualTo("bindPassword");
        assertThat(services.identitySources().current().kind()).isEqualTo(Kind.BUILT_IN);

        IdentitySource insecure = set(settings(List.of("ldap://127.0.0.1:3389"), Transport.INSECURE_PLAIN, null),
                "secret");
        assertThat(insecure.ldap().transport()).isEqualTo(Transport.INSECURE_PLAIN);
    }
}
