package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.CoreSettings;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.testing.CountingPasswordHasher;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestData;
import dev.gatehouse.store.testing.TestDatabase;
import dev.gatehouse.store.testing.TestInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two assembled cores, each with its own LdapSync) on one real database, H2 and PostgreSQL: while node A
 * reads the directory, node B's sync is refused by the lease in {@code sync_leases}; once A is done, B syncs.
 */
class LdapSyncLeaseOnDatabasesTest {

    private static final RequestContext CONTEXT = RequestContext.commandLine("lease-test");
    private static final LdapDirectory.DirectoryUser ALICE = new LdapDirectory.DirectoryUser(
            "uid=alice,ou=people,dc=example,dc=com", "uuid-alice", "alice", "alice@example.com", "Alice", "Liddell",
            "Alice Liddell", false);

    @Test
    void onH2() {
        try (Database database = TestDatabase.freshH2().open()) {
            oneNodeSyncsAtATime(database);
        }
    }

    @Test
    void onPostgres() {
        try (Database database = EmbeddedPostgresFixture.shared().freshDatabase().open()) {
            TestData.deleteAll(database.dataSource());
            oneNodeSyncsAtATime(database);
        }
    }

    private static void oneNodeSyncsAtATime(Database database) {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-12-06T23:00:00Z"));
        AtomicReference<Runnable> whileReading = new AtomicReference<>(() -> { });
        LdapDirectory directory = new OneUserDirectory(whileReading);
        // Both nodes open the same sealing keys, as servers sharing one database do.
        SealingKey sealingKey = TestInstances.sealingKey(1, clock.instant());
        CoreServices nodeA = node(database, clock, sealingKey, directory);
        CoreServices nodeB = node(database, clock, sealingKey, directory);
        nodeA.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"),
                Transport.INSECURE_PLAIN, null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com",
                null, "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP), "bind-secret",
                Actor.administratorCli(), CONTEXT);
        AtomicReference<DomainException> refused = new AtomicReference<>();
        whileReading.set(() -> refused.set(catchThrowableOfType(DomainException.class,
                () -> nodeB.ldapSync().run(CONTEXT))));

        assertThat(nodeA.ldapSync().run(CONTEXT).users()).isEqualTo(1);

        assertThat(refused.get()).as("node B was refused while node A synced").isNotNull();
        assertThat(refused.get().error()).isInstanceOf(DomainError.TooManyRequests.class);
        assertThat(nodeB.ldapSync().run(CONTEXT).users()).as("node A released the lease").isEqualTo(1);
    }

    private static CoreServices node(Database database, SteppedClock clock, SealingKey sealingKey,
                                     LdapDirectory directory) {
        CoreSettings settings = new CoreSettings(Lifetimes.defaults(), MfaPolicy.DEFAULT, "http://localhost:8080",
                "Gatehouse", Duration.ofMinutes(15), null);
        return CoreServices.assemble(database.store(), clock, settings, TestInstances::instance,
                () -> List.of(sealingKey), new CountingPasswordHasher(), mail -> { },
                (ldap, password) -> directory);
    }

    /** A directory of one user whose reading runs {@code whileReading} once, as if another node acted meanwhile. */
    private record OneUserDirectory(AtomicReference<Runnable> whileReading) implements LdapDirectory {

        @Override
        public List<DirectoryUser> users() {
            whileReading.getAndSet(() -> { }).run();
            return List.of(ALICE);
        }

        @Override
        public List<DirectoryGroup> groups() {
            return List.of();
        }

        @Override
        public Probe probe() {
            return new Probe("stand-in", 1, 0, Optional.of(ALICE));
        }

        @Override
        public Authentication authenticate(String userName, char[] password) {
            return new Authentication(BindResult.UNKNOWN_USER, Optional.empty());
        }

        @Override
        public Optional<DirectoryUser> findUser(String userName) {
            return Optional.empty();
        }

        @Override
        public Optional<DirectoryUser> findUserById(String id) {
            return Optional.empty();
        }

        @Override
        public List<DirectoryGroup> groupsListing(String memberDn) {
            return List.of();
        }

        @Override
        public List<DirectoryUser> usersChangedSince(Instant since) {
            return users();
        }

        @Override
        public List<DirectoryGroup> groupsChangedSince(Instant since) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
