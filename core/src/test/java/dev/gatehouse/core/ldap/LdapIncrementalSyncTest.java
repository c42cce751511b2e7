package dev.gatehouse.core.ldap;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule's runs read only what changed since the node's last run, applying new users and changed group
 * members at once, while deletions wait for the hourly full pass; each run's counts are audited.
 */
class LdapIncrementalSyncTest {

    private final InMemoryCore core = new InMemoryCore();
    private final StandInDirectory directory = new StandInDirectory();
    private CoreServices services;
    private DirectoryUser alice;

    @BeforeEach
    void aFirstScheduledRunIsAFullPass() {
        core.ldapConnector = (settings, password) -> directory;
        services = core.services();
        services.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"), Transport.INSECURE_PLAIN,
                null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com", null,
                "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP), "bind-secret", Actor.administratorCli(),
                CONTEXT);
        alice = directory.addUser("alice", "pw");
        directory.addUser("carol", "pw");
        directory.addGroup("engineers", alice.dn());

        LdapSync.Report first = services.ldapSync().runScheduled(CONTEXT);

        assertThat(first.full()).isTrue();
        assertThat(first.users()).isEqualTo(2);
    }

    @Test
    void laterRunsReadOnlyTheChangedEntriesAndApplyTheirMembers() {
        core.clock.advance(Duration.ofMinutes(5));
        DirectoryUser bob = directory.addUser("bob", "pw");
        directory.changedAt.put(bob.dn(), core.clock.instant());
        directory.groups.set(0, new DirectoryGroup(StandInDirectory.groupDn("engineers"), "uuid-engineers",
                "engineers", List.of(alice.dn(), bob.dn())));
        directory.changedAt.put(StandInDirectory.groupDn("engineers"), core.clock.instant());

        LdapSync.Report changes = services.ldapSync().runScheduled(CONTEXT);

        assertThat(changes.full()).isFalse();
        assertThat(changes.users()).as("bob only").isEqualTo(1);
        assertThat(changes.groups()).isEqualTo(1);
        assertThat(changes.membershipsAdded()).isEqualTo(1);
        assertThat(services.identityStore().members("engineers")).extracting(User::userName)
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(core.store.audit().find(AuditQuery.all())).filteredOn(e -> e.eventName().equals("SyncDirectory"))
                .extracting(e -> e.responseElements().get("full"), e -> e.responseElements().get("users"))
                .containsExactlyInAnyOrder(tuple(true, 2), tuple(false, 1));
    }

    @Test
    void aDeletionIsFoundByTheNextFullPass() {
        directory.users.removeIf(user -> user.userName().equals("carol"));
        core.clock.advance(Duration.ofMinutes(5));

        LdapSync.Report changes = services.ldapSync().runScheduled(CONTEXT);
        assertThat(changes.full()).isFalse();
        assertThat(changes.usersRemoved()).isZero();

        core.clock.advance(LdapSync.FULL_EVERY);
        LdapSync.Report full = services.ldapSync().runScheduled(CONTEXT);
        assertThat(full.full()).isTrue();
        assertThat(full.usersRemoved()).isEqualTo(1);
        assertThat(services.identityStore().usersWithEmail("carol@example.com")).isEmpty();
    }

    @Test
    void theOnDemandSyncIsAlwaysAFullPass() {
        directory.users.removeIf(user -> user.userName().equals("carol"));

        assertThat(services.ldapSync().run(CONTEXT).usersRemoved()).isEqualTo(1);
    }
}
