package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance D on the console: with an LDAP directory as the source, the forms that would edit, disable or delete a
 * synced user, or change a synced group or its members, answer with the page's message that the entry comes from
 * the directory, and nothing changes. The administrator is a directory user too (an existing Gatehouse
 * administrator the first sync took over).
 */
class SyncedReadOnlyPagesTest {

    private static final RequestContext SETUP = RequestContext.commandLine("synced-read-only-pages-test");

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
        directory.add("dn: uid=alice,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: alice",
                "cn: Alice Liddell", "sn: Liddell", "mail: alice@example.com");
        directory.add("dn: cn=engineers,dc=example,dc=com", "objectClass: groupOfNames", "cn: engineers",
                "member: uid=alice,dc=example,dc=com");
        directory.startListening();
        server = WebTestServer.start(dataDir);
        server.services.core().identityStore().createUser(new NewUser("ann.admin", null, "Ann", "Admin",
                "ann@example.com", true), Actor.administratorCli(), SETUP);
        server.services.core().identitySources().setLdap(new LdapSettings(
                List.of("ldap://127.0.0.1:" + directory.getListenPort()), Transport.INSECURE_PLAIN, null,
                "cn=gatehouse,dc=example,dc=com", "dc=example,dc=com", null, "dc=example,dc=com", null,
                LdapSchema.OPENLDAP), "bind-secret", Actor.administratorCli(), SETUP);
        server.services.core().ldapSync().run(SETUP);
    }

    @AfterEach
    void stop() {
        server.close();
        directory.shutDown(true);
    }

    private static HttpResponse<String> submit(Browser browser, String path, String... namesAndValues) {
        Map<String, String> form = Browser.form(namesAndValues);
        form.put("csrf", Browser.hidden(browser.get("/admin"), "csrf"));
        return browser.post(path, form);
    }

    @Test
    void everyFormThatWouldChangeASyncedUserOrGroupSaysItComesFromTheDirectory() {
        Browser admin = server.newBrowser();
        assertThat(admin.signIn("ann.admin", "/admin").statusCode()).as("signed in with the directory password")
                .isEqualTo(303);

        List<HttpResponse<String>> refusals = List.of(
                submit(admin, "/admin/users/alice/edit", "givenName", "Al", "familyName", "Liddell",
                        "displayName", "Al", "email", "al@example.com"),
                submit(admin, "/admin/users/alice/disable"),
                submit(admin, "/admin/users/alice/delete"),
                submit(admin, "/admin/groups/engineers/members/remove", "userName", "alice"),
                submit(admin, "/admin/groups/engineers/delete"));

        assertThat(refusals).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("comes from the LDAP directory").doesNotContain("Exception");
        });
        assertThat(server.services.core().identityStore().user("alice").enabled()).isTrue();
        assertThat(server.services.core().identityStore().user("alice").email()).isEqualTo("alice@example.com");
        assertThat(server.services.core().identityStore().members("engineers")).hasSize(1);
    }
}
