package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing LDAP sync shows: the identity source page gives the last good run with its counts and, when the
 * directory stops answering, since when the sync fails and why; /metrics counts runs by outcome and gives the time of
 * the last success.
 */
class LdapSyncStatusPageTest {

    private static final RequestContext SETUP = RequestContext.commandLine("ldap-sync-status-test");
    private static final String METRICS_TOKEN = "metrics-token-for-tests-0123456789";

    @TempDir
    Path dataDir;
    private WebTestServer server;
    private InMemoryDirectoryServer directory;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials("cn=gatehouse,dc=example,dc=com", "bind-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: uid=ann.admin,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: ann.admin",
                "cn: Ann Admin", "sn: Admin", "mail: ann@example.com", "userPassword: " + WebTestServer.PASSWORD);
        directory.startListening();
        server = WebTestServer.withMetricsToken(dataDir, METRICS_TOKEN);
        server.services.core().identityStore().createUser(new NewUser("ann.admin", null, "Ann", "Admin",
                "ann@example.com", true), Actor.administratorCli(), SETUP);
        server.services.core().identitySources().setLdap(new LdapSettings(
                List.of("ldap://127.0.0.1:" + directory.getListenPort()), Transport.INSECURE_PLAIN, null,
                "cn=gatehouse,dc=example,dc=com", "dc=example,dc=com", null, "dc=example,dc=com", null,
                LdapSchema.OPENLDAP), "bind-secret", Actor.administratorCli(), SETUP);
    }

    @AfterEach
    void stop() {
        server.close();
        directory.shutDown(true);
    }

    @Test
    void theIdentitySourcePageAndMetricsShowTheLastGoodRunAndAFailureAfterIt() throws Exception {
        server.services.core().ldapSync().run(SETUP);
        Browser admin = server.newBrowser();
        assertThat(admin.signIn("ann.admin", "/admin").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/identity-source").body()).contains("Last sync", "full: 1 users (0 removed)")
                .doesNotContain("Sync failing since");

        directory.shutDown(true);
        server.clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(catchThrowable(() -> server.services.core().ldapSync().run(SETUP))).isNotNull();

        assertThat(admin.get("/admin/identity-source").body()).contains("full: 1 users (0 removed)",
                "Sync failing since",
                "2025-06-02 09:05:00 UTC (1 failed runs), last: The directory is unavailable");
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.address("/metrics"))).header("Authorization", "Bearer " + METRICS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("gatehouse_ldap_syncs_total{outcome=\"failure\"} 1.0",
                "gatehouse_ldap_syncs_total{outcome=\"success\"} 1.0")
                .containsPattern("gatehouse_ldap_sync_last_success_seconds [1-9][0-9.E]+");
    }
}
