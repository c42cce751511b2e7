package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin identity-source set-ldap / test-ldap / show}, against the SDK's in-memory directory. */
class LdapSourceCommandsTest {

    @TempDir
    Path dataDir;
    private Services running;
    private InMemoryDirectoryServer directory;

    record Result(int exitCode, String out, String err) { }

    @BeforeEach
    void open() throws Exception {
        running = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).load(),
                Clock.systemUTC());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials("cn=gatehouse,dc=example,dc=com", "bind-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: uid=alice,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: alice",
                "cn: Alice Liddell", "sn: Liddell", "mail: alice@example.com");
        directory.add("dn: cn=staff,dc=example,dc=com", "objectClass: groupOfNames", "cn: staff",
                "member: uid=alice,dc=example,dc=com");
        directory.startListening();
    }

    @AfterEach
    void close() {
        directory.shutDown(true);
        running.close();
    }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.runOn(running, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private String[] ldapOptions(String command, Path passwordFile, String... more) {
        String[] base = {"identity-source", command, "--url", "ldap://127.0.0.1:" + directory.getListenPort(),
                "--insecure-plain-ldap", "--bind-dn", "cn=gatehouse,dc=example,dc=com", "--bind-password-file",
                passwordFile.toString(), "--user-base", "dc=example,dc=com", "--group-base", "dc=example,dc=com"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void testLdapReportsCountsAndASampleUserWithoutChangingTheSourceThenSetLdapSwitches() throws Exception {
        Path password = Files.writeString(dataDir.resolve("bind-password"), "bind-secret\n");

        Result tested = admin(ldapOptions("test-ldap", password));
        assertThat(tested.exitCode()).as(tested.err()).isZero();
        assertThat(tested.out()).contains("users:           1", "groups:          1", "sample user:     alice",
                "alice@example.com");
        assertThat(running.core().identitySources().current().kind()).isEqualTo(IdentitySource.Kind.BUILT_IN);

        Result set = admin(ldapOptions("set-ldap", password));
        assertThat(set.exitCode()).as(set.err()).isZero();
        IdentitySource source = running.core().identitySources().current();
        assertThat(source.kind()).isEqualTo(IdentitySource.Kind.LDAP);
        assertThat(source.ldap().transport()).isEqualTo(Transport.INSECURE_PLAIN);
        assertThat(admin("identity-source", "show").out()).contains("identity source: LDAP", "insecure_plain",
                "(objectClass=inetOrgPerson) below dc=example,dc=com").doesNotContain("bind-secret");
        assertThat(admin("identity-source", "test-ldap").out()).as("tests the source in force")
                .contains("users:           1");

        Result synced = admin("identity-source", "sync");
        assertThat(synced.exitCode()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("users:           1 (0 removed)", "groups:          1", "+1 -0");
        assertThat(running.core().identityStore().members("staff")).singleElement()
                .satisfies(alice -> assertThat(alice.userName()).isEqualTo("alice"));

        Result refused = admin("users", "delete", "alice");
        assertThat(refused.exitCode()).as("a synced user is the directory's").isNotZero();
        assertThat(refused.err()).contains("comes from the LDAP directory").doesNotContain("Exception");
        assertThat(running.core().identityStore().user("alice").enabled()).isTrue();
    }

    @Test
    void plainLdapWithoutTheInsecureFlagIsStartTlsAndAWrongBindPasswordIsAClearError() throws Exception {
        Path wrong = Files.writeString(dataDir.resolve("wrong-password"), "nope");
        Result refused = admin(ldapOptions("test-ldap", wrong));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("refused the bind account").doesNotContain("Exception", "\tat ");

        Path password = Files.writeString(dataDir.resolve("bind-password"), "bind-secret");
        String[] startTls = ldapOptions("set-ldap", password);
        String[] withoutFlag = java.util.Arrays.stream(startTls).filter(a -> !a.equals("--insecure-plain-ldap"))
                .toArray(String[]::new);
        assertThat(admin(withoutFlag).exitCode()).isZero();
        assertThat(running.core().identitySources().current().ldap().transport()).isEqualTo(Transport.START_TLS);
    }
}
