package dev.gatehouse.core.ldap;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sync that cannot read the directory is audited as a failed SyncDirectory; shutdown closes the pool. */
class LdapSyncFailureTest {

    private final InMemoryCore core = new InMemoryCore();
    private final StandInDirectory directory = new StandInDirectory();
    private CoreServices services;

    @BeforeEach
    void ldapSource() {
        core.ldapConnector = (settings, password) -> directory;
        services = core.services();
        services.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"), Transport.INSECURE_PLAIN,
                null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com", null,
                "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP), "bind-secret", Actor.administratorCli(),
                CONTEXT);
        directory.addUser("alice", "pw");
    }

    private List<AuditEvent> syncEvents() {
        return core.store.audit().find(AuditQuery.all()).stream()
                .filter(event -> event.eventName().equals("SyncDirectory")).toList();
    }

    @Test
    void aRunThatCannotReadTheDirectoryIsAuditedAsAFailureWithTheReason() {
        services.ldapSync().run(CONTEXT);
        directory.down = true;

        DomainException failed = catchThrowableOfType(DomainException.class,
                () -> services.ldapSync().runScheduled(CONTEXT));

        assertThat(failed).isNotNull();
        assertThat(syncEvents()).extracting(AuditEvent::errorCode).containsExactlyInAnyOrder(null, "InvalidInput");
        assertThat(syncEvents()).filteredOn(event -> event.errorCode() != null).singleElement()
                .satisfies(event -> assertThat(event.errorMessage()).contains("unavailable"));
    }

    @Test
    void closingTheDirectoryClosesItsPoolAndTheNextUseOpensItAgain() {
        services.ldapSync().run(CONTEXT);

        services.ldapSync().closeDirectory();

        assertThat(directory.closed).isTrue();
        directory.closed = false;
        assertThat(services.ldapSync().run(CONTEXT).users()).isEqualTo(1);
    }
}
