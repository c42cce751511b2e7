package dev.gatehouse.server.idp.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.identitysource.LockoutPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The domain's lockout policy read from the domain object of an in-memory directory shaped like AD's (the schema
 * check off, since the SDK's schema has no AD attributes; the it suite reads a real Samba AD's).
 */
class DomainLockoutPolicyTest {

    private static final String DOMAIN = "dc=corp,dc=example";
    private static final String BIND_DN = "cn=gatehouse," + DOMAIN;
    /** 30 minutes as AD stores it: minus 18,000,000,000 intervals of 100 ns. */
    private static final String HALF_HOUR_IN_AD = "-18000000000";

    private InMemoryDirectoryServer server;

    @BeforeEach
    void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DOMAIN);
        config.addAdditionalBindCredentials(BIND_DN, "bind-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(null);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + DOMAIN, "objectClass: domainDNS", "dc: corp", "lockoutThreshold: 5",
                "lockOutObservationWindow: " + HALF_HOUR_IN_AD);
        server.add("dn: ou=people," + DOMAIN, "objectClass: organizationalUnit", "ou: people");
        server.startListening();
    }

    @AfterEach
    void stopDirectory() {
        server.shutDown(true);
    }

    private LdapDirectory open(LdapSchema schema, String url) {
        return new LdapConnector().open(new LdapSettings(List.of(url), Transport.INSECURE_PLAIN, null, BIND_DN,
                "OU=People," + DOMAIN.toUpperCase(), schema.defaultUserFilter(), "ou=people," + DOMAIN,
                schema.defaultGroupFilter(), schema), "bind-secret");
    }

    private String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    @Test
    void theDomainObjectAboveTheUserBaseGivesTheThresholdAndTheWindow() throws Exception {
        assertThat(DomainLockoutPolicy.domainDn("CN=Users,OU=Corp,DC=corp,DC=example")).isEqualTo(
                "DC=corp,DC=example");
        try (LdapDirectory directory = open(LdapSchema.ACTIVE_DIRECTORY, url())) {
            assertThat(directory.lockoutPolicy()).isEqualTo(new LockoutPolicy(5, Duration.ofMinutes(30)));

            server.modify(DOMAIN, new Modification(ModificationType.REPLACE, "lockoutThreshold", "0"));
            assertThat(directory.lockoutPolicy().threshold()).as("kept until the next sync").isEqualTo(5);
            directory.refreshLockoutPolicy();
            assertThat(directory.lockoutPolicy()).as("AD's threshold 0: never locks").isEqualTo(LockoutPolicy.NONE);

            server.modify(DOMAIN, new Modification(ModificationType.REPLACE, "lockoutThreshold", "4"));
            directory.refreshLockoutPolicy();
            server.shutDown(true);
            directory.refreshLockoutPolicy();
            assertThat(directory.lockoutPolicy()).as("a failed read keeps the last known").isEqualTo(
                    new LockoutPolicy(4, Duration.ofMinutes(30)));
        }
    }

    @Test
    void anUnreadablePolicyWithNoneKnownIsTheConservativeOne() throws Exception {
        server.modify(DOMAIN, new Modification(ModificationType.DELETE, "lockoutThreshold"));
        try (LdapDirectory directory = open(LdapSchema.ACTIVE_DIRECTORY, url())) {
            assertThat(directory.lockoutPolicy()).isEqualTo(LockoutPolicy.CONSERVATIVE);
        }
    }

    @Test
    void openLdapHasNoLockoutGatehouseReads() {
        try (LdapDirectory directory = open(LdapSchema.OPENLDAP, url())) {
            assertThat(directory.lockoutPolicy()).isEqualTo(LockoutPolicy.NONE);
        }
    }
}
