package dev.gatehouse.server.web.admin;

import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LDAP form of {@code /admin/identity-source}, against the SDK's in-memory directory: "Test connection" reports
 * counts and a sample user and changes nothing; "Use this directory" makes it the source through the same core call
 * as {@code set-ldap}, with the bind password sealed, audited with the administrator as actor; wrong settings are
 * shown beside their fields and change nothing.
 */
class LdapSourceFormTest {

    private static final String PAGE = "/admin/identity-source";
    private static final String ADMIN = "ann.admin";
    private static final String BIND_DN = "cn=gatehouse,dc=example,dc=com";
    private static final String BIND_SECRET = "bind-secret-of-the-directory";
    private static final RequestContext SETUP = RequestContext.commandLine("ldap-source-form-test");

    @TempDir
    Path dataDir;
    private WebTestServer server;
    private InMemoryDirectoryServer directory;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials(BIND_DN, BIND_SECRET);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: uid=alice,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: alice",
                "cn: Alice Liddell", "sn: Liddell", "mail: alice@example.com");
        directory.add("dn: uid=ann.admin,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: ann.admin",
                "cn: Ann Admin", "sn: Admin", "mail: ann@example.com", "userPassword: " + WebTestServer.PASSWORD);
        directory.add("dn: cn=staff,dc=example,dc=com", "objectClass: groupOfNames", "cn: staff",
                "member: uid=alice,dc=example,dc=com");
        directory.startListening();
        server = WebTestServer.start(dataDir);
        server.services.core().identityStore().createUser(new NewUser(ADMIN, null, "Ann", "Admin",
                "ann@example.com", true), Actor.administratorCli(), SETUP);
        String token = server.services.core().activations().issue(ADMIN, Actor.administratorCli(), SETUP);
        server.services.core().activations().setPassword(token, WebTestServer.PASSWORD.toCharArray(), SETUP);
    }

    @AfterEach
    void stop() {
        server.close();
        directory.shutDown(true);
    }

    @Test
    void testConnectionReportsCountsAndASampleUserAndChangesNothing() {
        Browser admin = signedInAdmin();
        assertThat(admin.get(PAGE).body()).contains("id=\"set-ldap\"", "formaction=\"/admin/identity-source/ldap/test\"");

        HttpResponse<String> tested = submit(admin, PAGE + "/ldap/test", ldapFields());

        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(text(tested, "ldap-found")).contains("Connected to 127.0.0.1:" + directory.getListenPort(), "Users 2", "Groups 1")
                .containsPattern("Sample user (alice \\(uid=alice|ann\\.admin \\(uid=ann\\.admin),dc=example,dc=com\\)")
                .contains("@example.com");
        assertThat(tested.body()).as("the password is never shown back").doesNotContain(BIND_SECRET)
                .contains("value=\"" + BIND_DN + "\"");
        assertThat(server.services.core().identitySources().current().kind()).isEqualTo(Kind.BUILT_IN);
        assertThat(updates()).isEmpty();

        HttpResponse<String> wrongPassword = submit(admin, PAGE + "/ldap/test",
                with(ldapFields(), "bindPassword", "not-the-secret"));
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(text(wrongPassword, "directory-error")).isNotBlank();
        assertThat(wrongPassword.body()).doesNotContain("id=\"ldap-found\"");
    }

    @Test
    void useThisDirectorySealsTheBindPasswordEndsSessionsAndIsAuditedAsTheCommandIs() {
        Browser admin = signedInAdmin();

        HttpResponse<String> changed = submit(admin, PAGE + "/ldap", ldapFields());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(text(changed, "changed-to")).contains("the LDAP directory " + url());
        IdentitySource source = server.services.core().identitySources().current();
        assertThat(source.kind()).isEqualTo(Kind.LDAP);
        assertThat(source.ldap().transport()).isEqualTo(Transport.INSECURE_PLAIN);
        assertThat(source.ldap().urls()).containsExactly(url());
        assertThat(source.ldap().userFilter()).isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(source.sealedClientSecret()).doesNotContain(BIND_SECRET);
        assertThat(server.services.core().identitySources().bindPassword(source)).isEqualTo(BIND_SECRET);
        assertThat(location(admin.get(PAGE))).as("the administrator's session ended").startsWith("/signin");
        assertThat(updates()).singleElement().satisfies(event -> {
            assertThat(event.userName()).isEqualTo(ADMIN);
            assertThat(event.requestParameters()).containsEntry("identitySourceType", "LDAP")
                    .containsEntry("transport", "INSECURE_PLAIN").containsEntry("bindDn", BIND_DN);
            assertThat(event.toString()).doesNotContain(BIND_SECRET);
        });
    }

    @Test
    void anEmptyBindPasswordKeepsTheStoredOneForTheSameDirectoryOnly() {
        Browser admin = signedInAdmin();
        submit(admin, PAGE + "/ldap", ldapFields());
        Browser again = signedInAdmin();
        HttpResponse<String> page = again.get(PAGE);
        assertThat(page.body()).as("the form shows the source in force, never its password")
                .contains(">" + url() + "</textarea>", "id=\"set-built-in\"").doesNotContain(BIND_SECRET);

        HttpResponse<String> tested = submit(again, PAGE + "/ldap/test", with(ldapFields(), "bindPassword", ""));
        HttpResponse<String> elsewhere = submit(again, PAGE + "/ldap/test", with(with(ldapFields(), "bindPassword",
                ""), "urls", "ldap://127.0.0.2:" + directory.getListenPort()));
        HttpResponse<String> kept = submit(again, PAGE + "/ldap", with(with(ldapFields(), "bindPassword", ""),
                "schema", "active-directory"));

        assertThat(text(tested, "ldap-found")).contains("Users 2");
        assertThat(text(elsewhere, "bindPassword-error")).as("the stored password goes to no other directory")
                .contains("password is required");
        assertThat(kept.statusCode()).isEqualTo(200);
        IdentitySource source = server.services.core().identitySources().current();
        assertThat(source.ldap().schema().preset().cliName()).isEqualTo("active-directory");
        assertThat(server.services.core().identitySources().bindPassword(source)).isEqualTo(BIND_SECRET);
    }

    @Test
    void aBadUrlOrAMissingBaseDnIsShownBesideItsFieldAndChangesNothing() {
        Browser admin = signedInAdmin();

        HttpResponse<String> badUrl = submit(admin, PAGE + "/ldap", with(ldapFields(), "urls", "http://dc1.example.com"));
        HttpResponse<String> noBase = submit(admin, PAGE + "/ldap", with(ldapFields(), "userBaseDn", ""));
        HttpResponse<String> ldapsPlain = submit(admin, PAGE + "/ldap/test", with(ldapFields(), "transport", "ldaps"));
        HttpResponse<String> noPassword = submit(admin, PAGE + "/ldap", with(ldapFields(), "bindPassword", ""));

        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(text(badUrl, "urls-error")).contains("ldap://host[:port]", "http://dc1.example.com");
        assertThat(text(noBase, "userBaseDn-error")).contains("user base DN is required");
        assertThat(noBase.body()).as("typed values are kept").contains("value=\"" + BIND_DN + "\"");
        assertThat(text(ldapsPlain, "transport-error")).contains("StartTLS");
        assertThat(text(noPassword, "bindPassword-error")).contains("password is required");
        assertThat(server.services.core().identitySources().current().kind()).isEqualTo(Kind.BUILT_IN);
        assertThat(updates()).isEmpty();
        assertThat(admin.get(PAGE).statusCode()).as("still signed in").isEqualTo(200);
    }

    private String url() {
        return "ldap://127.0.0.1:" + directory.getListenPort();
    }

    private String[] ldapFields() {
        return new String[] {"urls", url() + "\n", "transport", "starttls", "insecurePlain", "true",
            "trustedCaFile", "", "bindDn", BIND_DN, "bindPassword", BIND_SECRET, "userBaseDn", "dc=example,dc=com",
            "userFilter", "", "groupBaseDn", "dc=example,dc=com", "groupFilter", "", "schema", "openldap"};
    }

    private static String[] with(String[] fields, String name, String value) {
        List<String> all = new ArrayList<>(Arrays.asList(fields));
        all.set(all.indexOf(name) + 1, value);
        return all.toArray(String[]::new);
    }

    private Browser signedInAdmin() {
        Browser browser = server.newBrowser();
        assertThat(browser.signIn(ADMIN, "/admin").statusCode()).isEqualTo(303);
        return browser;
    }

    /** Posts the page's LDAP form with the session's CSRF token, as the page's own form would. */
    private static HttpResponse<String> submit(Browser browser, String path, String... namesAndValues) {
        String csrf = hidden(browser.get(PAGE), "csrf");
        Map<String, String> form = Browser.form(namesAndValues);
        form.put("csrf", csrf);
        return browser.post(path, form);
    }

    private List<AuditEvent> updates() {
        return server.services.core().auditQueries().find(new AuditQuery(null, "UpdateIdentitySource", null, null,
                100)).stream().filter(e -> e.errorCode() == null).toList();
    }

    private static String text(HttpResponse<String> page, String id) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(element.find()).as("element #%s in:%n%s", id, page.body()).isTrue();
        return element.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}
