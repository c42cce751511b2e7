package dev.gatehouse.core.ldap;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two assembled cores over one store, each with its own LdapSync): while one syncs, the other is refused
 * with a plain message; after it finishes, or once a crashed node's lease expires, the other syncs.
 */
class LdapSyncLeaseTest {

    private final InMemoryCore core = new InMemoryCore();
    private final StandInDirectory directory = new StandInDirectory();
    private CoreServices nodeA;
    private CoreServices nodeB;

    @BeforeEach
    void twoNodesShareTheDirectorySource() {
        core.ldapConnector = (settings, password) -> directory;
        nodeA = core.services();
        nodeB = core.services();
        nodeA.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"), Transport.INSECURE_PLAIN,
                null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com", null,
                "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP), "bind-secret", Actor.administratorCli(),
                CONTEXT);
        directory.addUser("alice", "pw");
    }

    @Test
    void whileOneNodeSyncsTheOtherIsRefusedAndSyncsOnceItHasFinished() {
        AtomicReference<DomainException> refusedMeanwhile = new AtomicReference<>();
        directory.whileReadingUsers = () -> refusedMeanwhile.set(catchThrowableOfType(DomainException.class,
                () -> nodeB.ldapSync().run(CONTEXT)));

        assertThat(nodeA.ldapSync().run(CONTEXT).users()).isEqualTo(1);

        assertThat(refusedMeanwhile.get()).as("node B was refused while node A synced").isNotNull();
        assertThat(refusedMeanwhile.get().error()).isInstanceOfSatisfying(DomainError.TooManyRequests.class,
                busy -> assertThat(busy.message()).contains("Another Gatehouse node is syncing"));
        assertThat(nodeB.ldapSync().run(CONTEXT).users()).as("A released the lease").isEqualTo(1);
    }

    @Test
    void aLeaseLeftByANodeThatStoppedMidRunExpires() {
        core.store.identitySource().takeLease(LdapSync.LEASE, "crashed-node", core.clock.instant(),
                core.clock.instant().plus(LdapSync.LEASE_TIME));

        assertThat(catchThrowableOfType(DomainException.class, () -> nodeA.ldapSync().run(CONTEXT)).error())
                .isInstanceOf(DomainError.TooManyRequests.class);

        core.clock.advance(LdapSync.LEASE_TIME);
        assertThat(nodeA.ldapSync().run(CONTEXT).users()).isEqualTo(1);
    }
}
