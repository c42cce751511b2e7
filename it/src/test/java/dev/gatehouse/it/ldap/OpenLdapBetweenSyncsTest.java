package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.StaticUtils;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.ldap.LdapSync;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/**
 * Against a real slapd, between full syncs: a person taken out of the group holding their assignment in the
 * directory is refused at their very next refresh (the AWS SDK's CreateToken), before any sync; and the schedule's
 * incremental run reads only the entries whose modifyTimestamp moved.
 */
@ExtendWith(OpenLdapInstalled.class)
class OpenLdapBetweenSyncsTest {

    private static final RequestContext SETUP = RequestContext.commandLine("openldap-between-syncs-test");
    private static final String OU = "ou=between," + OpenLdapServer.SUFFIX;
    private static final String BIND_DN = "cn=gatehouse," + OU;
    private static final String BIND_PASSWORD = "Bind-account-passw0rd";
    private static final String DANA_PASSWORD = "Dana-directory-passw0rd";
    private static final String STAFF = "cn=ops,ou=groups," + OU;
    private static final String DANA = "uid=dana,ou=people," + OU;

    @TempDir
    Path dataDir;

    @Test
    void aPersonTakenOutOfTheirGroupIsRefusedAtTheNextRefreshAndIncrementalSyncReadsOnlyChanges() throws Exception {
        OpenLdapServer slapd = OpenLdapServer.shared();
        try (LDAPConnection root = slapd.asRoot()) {
            root.add("dn: " + OU, "objectClass: organizationalUnit", "ou: between");
            root.add("dn: ou=people," + OU, "objectClass: organizationalUnit", "ou: people");
            root.add("dn: ou=groups," + OU, "objectClass: organizationalUnit", "ou: groups");
            root.add("dn: " + BIND_DN, "objectClass: organizationalRole", "objectClass: simpleSecurityObject",
                    "cn: gatehouse", "userPassword: " + OpenLdapServer.ssha(BIND_PASSWORD));
            root.add("dn: " + DANA, "objectClass: inetOrgPerson", "uid: dana", "cn: Dana Scully", "sn: Scully",
                    "mail: dana@example.com", "userPassword: " + OpenLdapServer.ssha(DANA_PASSWORD));
            // Erin last changed an hour ago (set through the relax control), well before any overlap.
            AddRequest erin = new AddRequest("dn: uid=erin,ou=people," + OU, "objectClass: inetOrgPerson",
                    "uid: erin", "cn: Erin Reagan", "sn: Reagan", "mail: erin@example.com",
                    "modifyTimestamp: " + StaticUtils.encodeGeneralizedTime(Date.from(Instant.now().minus(
                            Duration.ofHours(1)))));
            erin.addControl(new Control(OpenLdapServer.RELAX_CONTROL, true));
            root.add(erin);
            root.add("dn: " + STAFF, "objectClass: groupOfNames", "cn: ops", "member: " + DANA,
                    "member: uid=erin,ou=people," + OU);
        }
        MutableClock clock = MutableClock.startingNow();
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, clock);
             DeviceLogin cli = new DeviceLogin(gatehouse)) {
            CoreServices core = gatehouse.services().core();
            Actor admin = Actor.administratorCli();
            core.identitySources().setLdap(new LdapSettings(List.of(slapd.url()), Transport.INSECURE_PLAIN, null,
                    BIND_DN, "ou=people," + OU, null, "ou=groups," + OU, null, LdapSchema.OPENLDAP), BIND_PASSWORD,
                    admin, SETUP);
            assertThat(core.ldapSync().runScheduled(SETUP).full()).isTrue();
            core.accessModel().createAccount("111122223333", "Operations", "aws+ops@example.com", admin, SETUP);
            PermissionSet role = core.accessModel().createPermissionSet(new NewPermissionSet("ReadOnlyAccess",
                    "Read only", "PT1H", List.of("ReadOnlyAccess"), null, null, null, Map.of()), admin, SETUP);
            core.accessModel().assign("111122223333", "ReadOnlyAccess", PrincipalType.GROUP, "ops", admin, SETUP);
            DeviceLogin.LoggedIn dana = cli.logIn(new Entitlement(gatehouse.services(), "dana", DANA_PASSWORD,
                    "111122223333", "Operations", role, "ops"));
            DeviceLogin.LoggedIn refreshedOnce = new DeviceLogin.LoggedIn(dana.client(),
                    cli.refresh(dana.client(), dana.refreshToken()));

            try (LDAPConnection root = slapd.asRoot()) {
                root.modify(STAFF, new Modification(ModificationType.DELETE, "member", DANA));
                root.add("dn: uid=frank,ou=people," + OU, "objectClass: inetOrgPerson", "uid: frank",
                        "cn: Frank Castle", "sn: Castle", "mail: frank@example.com");
            }
            assertThatThrownBy(() -> cli.refresh(dana.client(), refreshedOnce.refreshToken()))
                    .as("refused at once, before any sync").isInstanceOf(InvalidGrantException.class);
            assertThat(core.identityStore().members("ops")).extracting(User::userName).containsExactly("erin");

            clock.advance(Duration.ofMinutes(5));
            LdapSync.Report changes = core.ldapSync().runScheduled(SETUP);
            assertThat(changes.full()).isFalse();
            assertThat(changes.users()).as("frank, new, and dana, whose memberOf the overlay rewrote; not erin")
                    .isEqualTo(2);
            assertThat(changes.groups()).as("ops, whose member list changed").isEqualTo(1);
            assertThat(core.identityStore().user("frank").email()).isEqualTo("frank@example.com");
        }
    }
}
