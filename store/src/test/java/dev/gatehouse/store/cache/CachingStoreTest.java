package dev.gatehouse.store.cache;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.oidc.DeviceStatus;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.store.Database;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestAssignments;
import dev.gatehouse.store.testing.TestData;
import dev.gatehouse.store.testing.TestDeviceAuthorizations;
import dev.gatehouse.store.testing.TestDatabase;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestPermissionSets;
import dev.gatehouse.store.testing.TestSessions;
import dev.gatehouse.store.testing.TestUsers;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caching store on H2: it serves what it read (shown by changing a row behind its back), and a write through it
 * is seen at once by the next read, inside and after the writing transaction, and not at all when it rolls back.
 */
class CachingStoreTest {

    private static TestDatabase h2;
    private static Database database;
    private static Jdbi behindTheCache;
    private Store store;

    @BeforeAll
    static void open() {
        h2 = TestDatabase.freshH2();
        database = h2.open();
        behindTheCache = Jdbi.create(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() {
        TestData.deleteAll(database.dataSource());
        database.dropCaches();
        store = database.store();
        assertThat(store).isInstanceOf(CachingStore.class);
    }

    private void sql(String statement, Object... arguments) {
        behindTheCache.useHandle(h -> h.execute(statement, arguments));
    }

    private User storedUser() {
        User user = TestUsers.user("ed");
        store.users().insert(user);
        return user;
    }

    @Test
    void aUserIsServedFromTheCacheUntilAWriteThroughTheStore() {
        User user = storedUser();
        assertThat(store.users().findById(user.userId())).get().extracting(User::enabled).isEqualTo(true);
        sql("UPDATE users SET status = 'DISABLED' WHERE user_id = ?", user.userId());
        assertThat(store.users().findById(user.userId())).get().extracting(User::enabled)
                .as("served from the cache").isEqualTo(true);

        store.users().update(user.withStatus(UserStatus.DISABLED, NOW));
        assertThat(store.users().findById(user.userId())).get().extracting(User::enabled).isEqualTo(false);
        store.users().delete(user.userId());
        assertThat(store.users().findById(user.userId())).isEmpty();
    }

    @Test
    void aTransactionSeesItsOwnWriteAndOthersSeeItOnceCommitted() {
        User user = storedUser();
        store.users().findById(user.userId());
        store.run(() -> {
            store.users().update(user.withStatus(UserStatus.DISABLED, NOW));
            assertThat(store.users().findById(user.userId())).get().extracting(User::enabled).isEqualTo(false);
        });
        assertThat(store.users().findById(user.userId())).get().extracting(User::enabled).isEqualTo(false);
    }

    @Test
    void aRolledBackWriteLeavesNothingUncommittedInTheCache() {
        User user = storedUser();
        store.users().update(user.withStatus(UserStatus.DISABLED, NOW));
        store.users().findById(user.userId());
        assertThatThrownBy(() -> store.run(() -> {
            store.users().update(user.withStatus(UserStatus.ENABLED, NOW));
            store.users().findById(user.userId());   // reads its own uncommitted row: must not be stored
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(store.users().findById(user.userId())).get().extracting(User::enabled).isEqualTo(false);
    }

    @Test
    void aRevokedSessionIsRevokedByIdByCookieAndForEveryUserSession() {
        User user = storedUser();
        PortalSession browser = TestSessions.browserSession(user);
        PortalSession cli = TestSessions.tokenSession(user, "client-1");
        store.sessions().insert(browser);
        store.sessions().insert(cli);
        assertThat(store.sessions().findBySecretHash(browser.secretHash())).get()
                .extracting(PortalSession::revokedAt).isNull();
        assertThat(store.sessions().findById(cli.sessionId())).get().extracting(PortalSession::revokedAt).isNull();

        store.sessions().revoke(browser.sessionId(), NOW);
        assertThat(store.sessions().findBySecretHash(browser.secretHash())).get()
                .extracting(PortalSession::revokedAt).isNotNull();
        store.sessions().revokeAllOf(user.userId(), NOW);
        assertThat(store.sessions().findById(cli.sessionId())).get().extracting(PortalSession::revokedAt)
                .isNotNull();
    }

    @Test
    void accessTokensAreCachedAndRefreshTokensNever() {
        User user = storedUser();
        PortalSession session = TestSessions.tokenSession(user, "client-1");
        store.sessions().insert(session);
        IssuedToken access = TestSessions.accessToken(session);
        IssuedToken refresh = TestSessions.refreshToken(session);
        store.sessions().insertToken(access);
        store.sessions().insertToken(refresh);
        store.sessions().findToken(access.tokenHash());
        store.sessions().findToken(refresh.tokenHash());
        sql("DELETE FROM issued_tokens");
        assertThat(store.sessions().findToken(access.tokenHash())).as("cached").isPresent();
        assertThat(store.sessions().findToken(refresh.tokenHash())).as("read each time").isEmpty();
    }

    @Test
    void holdingsFollowAssignmentsMembershipsAndDeletions() {
        User user = storedUser();
        Account account = TestAccounts.account("prod");
        PermissionSet readOnly = TestPermissionSets.permissionSet("ReadOnly");
        Group group = TestGroups.group("ops");
        store.accounts().insert(account);
        store.permissionSets().insert(readOnly);
        store.groups().insert(group);
        AccountAssignment direct = TestAssignments.assignment(account, readOnly, user);
        AccountAssignment throughGroup = TestAssignments.assignment(account, readOnly, group);
        String arn = readOnly.permissionSetArn();

        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isFalse();
        store.assignments().insert(direct);
        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isTrue();
        store.assignments().delete(direct);
        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isFalse();

        store.assignments().insert(throughGroup);
        store.groups().addMember(TestGroups.membership(group, user));
        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isTrue();
        store.groups().removeMember(group.groupId(), user.userId());
        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isFalse();

        store.groups().addMember(TestGroups.membership(group, user));
        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isTrue();
        store.permissionSets().delete(arn);
        assertThat(store.assignments().userHolds(user.userId(), account.accountId(), arn)).isFalse();
        assertThat(store.permissionSets().findByName("readonly")).isEmpty();
    }

    @Test
    void aRenamedPermissionSetIsFoundOnlyByItsNewName() {
        PermissionSet readOnly = TestPermissionSets.permissionSet("ReadOnly");
        store.permissionSets().insert(readOnly);
        assertThat(store.permissionSets().findByName("ReadOnly")).isPresent();
        store.permissionSets().update(new PermissionSet(readOnly.permissionSetArn(), "Viewer",
                readOnly.description(), readOnly.sessionDuration(), readOnly.managedPolicies(),
                readOnly.inlinePolicy(), readOnly.permissionsBoundary(), readOnly.relayState(), readOnly.tags(),
                readOnly.roleSuffix(), readOnly.createdAt()));
        assertThat(store.permissionSets().findByName("ReadOnly")).isEmpty();
        assertThat(store.permissionSets().findByArn(readOnly.permissionSetArn())).get()
                .extracting(PermissionSet::name).isEqualTo("Viewer");
    }

    @Test
    void aPendingDeviceCodeIsServedFromTheCacheUntilItsStatusChangesThroughTheStore() {
        User approver = storedUser();
        DeviceAuthorization pending = TestDeviceAuthorizations.pending("BCDFGHJK");
        store.deviceAuthorizations().insert(pending);
        assertThat(statusOf(pending)).isEqualTo(DeviceStatus.PENDING);
        sql("UPDATE device_authorizations SET status = 'DENIED'");
        assertThat(statusOf(pending)).as("served from the cache").isEqualTo(DeviceStatus.PENDING);

        sql("UPDATE device_authorizations SET status = 'PENDING'");
        assertThat(store.deviceAuthorizations().transition(pending.deviceCodeHash(), DeviceStatus.PENDING,
                DeviceStatus.APPROVED, approver.userId())).isTrue();
        assertThat(statusOf(pending)).as("read afresh after the approval").isEqualTo(DeviceStatus.APPROVED);
        sql("UPDATE device_authorizations SET status = 'CONSUMED'");
        assertThat(statusOf(pending)).as("only pending ones are kept").isEqualTo(DeviceStatus.CONSUMED);
    }

    private DeviceStatus statusOf(DeviceAuthorization authorization) {
        return store.deviceAuthorizations().findByDeviceCodeHash(authorization.deviceCodeHash()).orElseThrow()
                .status();
    }

    @Test
    void noIdentitySourceIsCachedTooUntilOneIsPutThroughTheStore() {
        assertThat(store.identitySource().find()).isEmpty();
        try (Database uncached = Database.open(h2.jdbcUrl(), h2.user(), h2.password(), 2, Database.Caching.OFF)) {
            uncached.store().identitySource().put(IdentitySource.builtIn(NOW));
        }
        assertThat(store.identitySource().find()).as("the absence is served from the cache").isEmpty();

        store.identitySource().put(IdentitySource.builtIn(NOW.plusSeconds(1)));
        assertThat(store.identitySource().find()).get().extracting(IdentitySource::kind)
                .isEqualTo(IdentitySource.Kind.BUILT_IN);
    }

    @Test
    void withCachingOffEveryReadGoesToTheDatabase() {
        try (Database uncached = Database.open(TestDatabase.freshH2().jdbcUrl(), "sa", "", 2,
                Database.Caching.OFF)) {
            assertThat(uncached.store()).isNotInstanceOf(CachingStore.class);
        }
    }

    @Test
    void aServiceCredentialIsServedFromTheCacheUntilItsDeletionThroughTheStore() {
        ServiceCredential credential = new ServiceCredential("AKIAAAAAAAAAAAAAAAAA", "orders", "sealed-1", NOW,
                List.of(), null);
        store.serviceCredentials().insert(credential);
        assertThat(store.serviceCredentials().findByAccessKeyId(credential.accessKeyId())).contains(credential);
        sql("UPDATE service_credentials SET sealed_secret = 'changed-behind' WHERE access_key_id = ?",
                credential.accessKeyId());
        assertThat(store.serviceCredentials().findByAccessKeyId(credential.accessKeyId())).get()
                .extracting(ServiceCredential::sealedSecret).as("served from the cache").isEqualTo("sealed-1");

        assertThat(store.serviceCredentials().delete(credential.accessKeyId())).isTrue();
        assertThat(store.serviceCredentials().findByAccessKeyId(credential.accessKeyId())).isEmpty();
    }

    @Test
    void theTagMappingIsServedFromTheCacheUntilItIsReplacedThroughTheStore() {
        store.accessControlAttributes().replaceMapping(Map.of("team", "department", "cost", "costCenter"));
        assertThat(store.accessControlAttributes().mapping()).containsExactly(
                Map.entry("cost", "costCenter"), Map.entry("team", "department"));
        sql("DELETE FROM access_control_attributes");
        assertThat(store.accessControlAttributes().mapping()).as("served from the cache").hasSize(2);

        store.accessControlAttributes().replaceMapping(Map.of("site", "office"));
        assertThat(store.accessControlAttributes().mapping()).containsExactly(Map.entry("site", "office"));
        store.run(() -> store.accessControlAttributes().replaceMapping(Map.of()));
        assertThat(store.accessControlAttributes().mapping()).isEmpty();
    }
}
