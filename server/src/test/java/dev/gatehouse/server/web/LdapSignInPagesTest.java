package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in page with an LDAP source: the directory's password, and plain pages when it refuses or is down. */
class LdapSignInPagesTest {

    private static final String PASSWORD = "Directory-passw0rd";

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
        directory.add("dn: uid=alice,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: alice",
                "cn: Alice Liddell", "sn: Liddell", "mail: alice@example.com", "userPassword: " + PASSWORD);
        directory.startListening();
        server = WebTestServer.start(dataDir);
        server.services.core().identitySources().setLdap(new LdapSettings(
                List.of("ldap://127.0.0.1:" + directory.getListenPort()), Transport.INSECURE_PLAIN, null,
                "cn=gatehouse,dc=example,dc=com", "dc=example,dc=com", null, "dc=example,dc=com", null,
                LdapSchema.OPENLDAP), "bind-secret", Actor.administratorCli(), RequestContext.commandLine("test"));
    }

    @AfterEach
    void stop() {
        server.close();
        directory.shutDown(true);
    }

    private HttpResponse<String> attempt(String userName, String password) {
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get("/signin");
        return browser.post("/signin", form("username", userName, "password", password, "next", "/start",
                "csrf", hidden(form, "csrf")));
    }

    @Test
    void theDirectoryPasswordSignsInAndAWrongOneGetsTheUsualMessage() {
        assertThat(attempt("alice", PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> wrong = attempt("alice", "guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The user name or password is incorrect.");
    }

    @Test
    void aDirectoryThatIsDownGetsAPlainPageWithoutAStackTrace() {
        directory.shutDown(true);

        HttpResponse<String> down = attempt("alice", PASSWORD);

        assertThat(down.body()).contains("cannot be reached right now").doesNotContain("Exception", "at dev.");
        assertThat(hidden(down, "csrf")).as("the form comes back for another try").isNotEmpty();
    }
}
