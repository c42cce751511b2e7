package dev.gatehouse.server.idp.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapDirectory.BindResult;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUnavailable;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UnboundID connector against the SDK's in-memory directory (a unit-test stand-in; the it suite runs a real
 * slapd): paged reads through the OpenLDAP mapping, bind sign-in, failover past a dead URL, and a directory that
 * does not answer.
 */
class LdapConnectorTest {

    private static final String BIND_DN = "cn=gatehouse,dc=example,dc=com";
    private static final int USERS = 1_203;

    private InMemoryDirectoryServer server;

    @BeforeEach
    void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials(BIND_DN, "bind-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setMaxSizeLimit(1_000);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        server.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups,dc=example,dc=com", "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: uid=alice,ou=people,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: alice",
                "cn: Alice Liddell", "sn: Liddell", "givenName: Alice", "mail: alice@example.com",
                "userPassword: alice-directory-password");
        for (int i = 0; i < USERS - 1; i++) {
            server.add("dn: uid=user" + i + ",ou=people,dc=example,dc=com", "objectClass: inetOrgPerson",
                    "uid: user" + i, "cn: User " + i, "sn: " + i);
        }
        server.add("dn: cn=engineers,ou=groups,dc=example,dc=com", "objectClass: groupOfNames", "cn: engineers",
                "member: uid=alice,ou=people,dc=example,dc=com");
        server.add("dn: cn=staff,ou=groups,dc=example,dc=com", "objectClass: groupOfNames", "cn: staff",
                "member: cn=engineers,ou=groups,dc=example,dc=com");
        server.startListening();
    }

    @AfterEach
    void stopDirectory() {
        server.shutDown(true);
    }

    private LdapDirectory open(List<String> urls, String bindPassword) {
        return new LdapConnector().open(new LdapSettings(urls, Transport.INSECURE_PLAIN, null, BIND_DN,
                "ou=people,dc=example,dc=com", "(objectClass=inetOrgPerson)", "ou=groups,dc=example,dc=com",
                "(objectClass=groupOfNames)", LdapSchema.OPENLDAP), bindPassword);
    }

    private String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    private static String deadUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "ldap://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void probeReadsEveryUserInPagesBeyondTheServersSizeLimitAndMapsTheOpenLdapAttributes() {
        try (LdapDirectory directory = open(List.of(url()), "bind-secret")) {
            LdapDirectory.Probe probe = directory.probe();

            assertThat(probe.users()).isEqualTo(USERS);
            assertThat(probe.groups()).isEqualTo(2);
            assertThat(directory.findUser("alice")).hasValueSatisfying(alice -> {
                assertThat(alice.id()).matches("[0-9a-f-]{36}");
                assertThat(alice.email()).isEqualTo("alice@example.com");
                assertThat(alice.givenName()).isEqualTo("Alice");
                assertThat(alice.familyName()).isEqualTo("Liddell");
                assertThat(alice.displayName()).isEqualTo("Alice Liddell");
                assertThat(alice.disabled()).isFalse();
            });
            assertThat(directory.groups()).filteredOn(g -> g.name().equals("staff")).singleElement()
                    .satisfies(staff -> assertThat(staff.memberDns())
                            .containsExactly("cn=engineers,ou=groups,dc=example,dc=com"));
        }
    }

    @Test
    void aUserIsFoundAgainByTheStableIdAndTheGroupsListingThemDirectly() {
        try (LdapDirectory directory = open(List.of(url()), "bind-secret")) {
            String id = directory.findUser("alice").orElseThrow().id();

            assertThat(directory.findUserById(id)).hasValueSatisfying(alice -> assertThat(alice.dn())
                    .isEqualTo("uid=alice,ou=people,dc=example,dc=com"));
            assertThat(directory.findUserById("00000000-0000-0000-0000-000000000000")).isEmpty();
            assertThat(directory.groupsListing("uid=alice,ou=people,dc=example,dc=com"))
                    .as("engineers lists alice; staff only through engineers").singleElement()
                    .satisfies(group -> assertThat(group.name()).isEqualTo("engineers"));
        }
    }

    @Test
    void onlyEntriesChangedSinceTheGivenTimeAreReadByTheirModifyTimestamp() {
        try (LdapDirectory directory = open(List.of(url()), "bind-secret")) {
            java.time.Instant now = java.time.Instant.now();

            assertThat(directory.usersChangedSince(now.minusSeconds(3600))).hasSize(USERS);
            assertThat(directory.groupsChangedSince(now.minusSeconds(3600))).hasSize(2);
            assertThat(directory.usersChangedSince(now.plusSeconds(3600))).isEmpty();
            assertThat(directory.groupsChangedSince(now.plusSeconds(3600))).isEmpty();
        }
    }

    @Test
    void anObjectGuidIsSearchedAsTheBytesActiveDirectoryStores() {
        String guid = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
        com.unboundid.ldap.sdk.Filter filter = DirectoryEntries.idFilter("objectGUID", guid);

        assertThat(filter.getAssertionValueBytes()).containsExactly(0x3e, 0x2d, 0x1c, 0x0b, 0x50, 0x4f, 0x72, 0x61,
                0x83, 0x94, 0xa5, 0xb6, 0xc7, 0xd8, 0xe9, 0xf0);
        com.unboundid.ldap.sdk.SearchResultEntry entry = new com.unboundid.ldap.sdk.SearchResultEntry("cn=x",
                new com.unboundid.ldap.sdk.Attribute[] {new com.unboundid.ldap.sdk.Attribute("objectGUID",
                        filter.getAssertionValueBytes())});
        assertThat(DirectoryEntries.id(entry, "objectGUID")).as("the round trip").isEqualTo(guid);
    }

    @Test
    void aBindWithThePersonsPasswordSignsInAndAnythingElseIsRefused() {
        try (LdapDirectory directory = open(List.of(url()), "bind-secret")) {
            assertThat(directory.authenticate("alice", "alice-directory-password".toCharArray()).result())
                    .isEqualTo(BindResult.SIGNED_IN);
            assertThat(directory.authenticate("alice", "guess".toCharArray()).result())
                    .isEqualTo(BindResult.WRONG_PASSWORD);
            assertThat(directory.authenticate("alice", new char[0]).result())
                    .as("an empty password would be an anonymous bind").isEqualTo(BindResult.WRONG_PASSWORD);
            assertThat(directory.authenticate("nobody", "x".toCharArray()).result())
                    .isEqualTo(BindResult.UNKNOWN_USER);
            assertThat(directory.authenticate("*", "x".toCharArray()).result())
                    .as("the name is a value, never a filter").isEqualTo(BindResult.UNKNOWN_USER);
            assertThat(directory.probe().users()).as("the pool is bound as the bind account again")
                    .isEqualTo(USERS);
        }
    }

    @Test
    void theNextUrlTakesOverWhenTheFirstDoesNotAnswer() throws Exception {
        try (LdapDirectory directory = open(List.of(deadUrl(), url()), "bind-secret")) {
            assertThat(directory.authenticate("alice", "alice-directory-password".toCharArray()).result())
                    .isEqualTo(BindResult.SIGNED_IN);
            assertThat(directory.probe().connectedUrl()).endsWith(":" + server.getListenPort());
        }
    }

    @Test
    void aDirectoryThatDoesNotAnswerOrRefusesTheBindAccountIsUnavailableWithAPlainMessage() throws Exception {
        try (LdapDirectory directory = open(List.of(deadUrl()), "bind-secret")) {
            assertThatThrownBy(() -> directory.authenticate("alice", "x".toCharArray()))
                    .isInstanceOf(DirectoryUnavailable.class).hasMessageStartingWith("The directory is unavailable");
        }
        try (LdapDirectory directory = open(List.of(url()), "wrong-bind-secret")) {
            assertThatThrownBy(directory::probe).isInstanceOf(DirectoryUnavailable.class)
                    .hasMessageContaining("bind account");
        }
    }
}
