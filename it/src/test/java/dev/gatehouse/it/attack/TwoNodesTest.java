package dev.gatehouse.it.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.SessionService.ActiveSession;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.server.config.MasterKeySource;
import dev.gatehouse.server.web.SessionOwners;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Two server nodes on one PostgreSQL, as behind a load balancer: what one node ends, the other refuses on the
 * very next request (the bound is zero, because every request reads the session from the database). Ed logs in
 * through node 1 and uses what he got on node 2.
 */
class TwoNodesTest {

    private static EmbeddedPostgresFixture postgres;

    @TempDir
    Path dataDir;

    private RunningGatehouse node1;
    private RunningGatehouse node2;
    private DeviceLogin loginAtNode1;
    private DeviceLogin atNode2;
    private Entitlement ed;
    private DeviceLogin.LoggedIn loggedIn;
    private RoleCredentials credentials;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.shared();
    }


    @BeforeEach
    void edLogsInThroughNode1AndUsesNode2() {
        TestDatabase database = postgres.freshDatabase();
        MutableClock clock = MutableClock.startingNow();
        // Every node of a deployment holds the same master key; a second key would be refused by the database.
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        MasterKeySource sharedKey = new MasterKeySource.Given("the deployment's key", key);
        node1 = RunningGatehouse.on(database, dataDir.resolve("node1"), clock, sharedKey);
        node2 = RunningGatehouse.on(database, dataDir.resolve("node2"), clock, sharedKey);
        loginAtNode1 = new DeviceLogin(node1);
        atNode2 = new DeviceLogin(node2);
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(node1.services());

        loggedIn = loginAtNode1.logIn(ed);
        credentials = atNode2.roleCredentials(loggedIn.accessToken(), ed);
        assertThat(atNode2.callerIdentity(credentials).arn()).endsWith("/ed.developer");
        assertThat(atNode2.sso().listAccounts(r -> r.accessToken(loggedIn.accessToken())).accountList())
                .singleElement().satisfies(account -> assertThat(account.accountId()).isEqualTo(ed.accountId()));
    }

    @AfterEach
    void stopNodes() throws Exception {
        try {
            atNode2.close();
            loginAtNode1.close();
        } finally {
            try {
                node2.close();
            } finally {
                node1.close();
            }
        }
    }

    @Test
    void whenNode1EndsTheCliSessionThenNode2RefusesTheVeryNextCalls() {
        User edUser = node1.services().core().identityStore().user(ed.userName());
        ActiveSession cli = node1.services().core().sessions().activeSessionsOf(edUser.userId()).stream()
                .filter(s -> DeviceLogin.CLIENT_NAME.equals(s.clientName())).findFirst().orElseThrow();

        node1.services().core().sessions().revoke(SessionOwners.of(edUser), cli.session().sessionId(), Entitlement.ADMIN,
                RequestContext.commandLine("it-admin"));

        assertCutOffAt(atNode2);
    }

    @Test
    void whenEdSignsOutOnNode1ThenNode2RefusesTheVeryNextCalls() {
        loginAtNode1.sso().logout(r -> r.accessToken(loggedIn.accessToken()));

        assertCutOffAt(atNode2);
    }

    @Test
    void whenNode2DisablesTheUserThenNode1RefusesTheVeryNextCalls() {
        assertNode1CutOffAfterNode2Does(Entitlement::disableUser);
    }

    @Test
    void whenNode2RemovesTheAssignmentThenNode1RefusesTheVeryNextCalls() {
        assertNode1CutOffAfterNode2Does(Entitlement::deleteAssignment);
    }

    private void assertNode1CutOffAfterNode2Does(Consumer<Entitlement> change) {
        // Node 1 answers before the change, so what follows is the change and not a node that never worked.
        assertThat(loginAtNode1.callerIdentity(loginAtNode1.roleCredentials(loggedIn.accessToken(), ed)).arn())
                .endsWith("/ed.developer");

        change.accept(new Entitlement(node2.services(), ed.userName(), ed.password(), ed.accountId(),
                ed.accountName(), ed.permissionSet(), ed.group()));

        assertCutOffAt(loginAtNode1);
    }

    private void assertCutOffAt(DeviceLogin node) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(catchThrowable(() -> node.roleCredentials(loggedIn.accessToken(), ed)))
                .as("GetRoleCredentials with the access token must be refused (null: it answered)")
                .isInstanceOf(UnauthorizedException.class);
        softly.assertThat(catchThrowable(() -> node.callerIdentity(credentials)))
                .as("GetCallerIdentity with the role credentials must be refused (null: it answered)")
                .isInstanceOfSatisfying(StsException.class, e -> {
                    softly.assertThat(e.statusCode()).isEqualTo(403);
                    softly.assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
        softly.assertAll();
    }
}
