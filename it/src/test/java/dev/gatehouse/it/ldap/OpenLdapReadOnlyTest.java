package dev.gatehouse.it.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/**
 * Acceptance D through the wire doors, against a real slapd: the unmodified AWS SDK (identitystore UpdateUser,
 * DeleteUser, UpdateGroup, DeleteGroupMembership) gets a ValidationException and SCIM a 400 {@code mutability}, each
 * saying the entry comes from the LDAP directory; nothing changes. (The console and the admin commands are tested
 * in the server module.)
 */
@ExtendWith(OpenLdapInstalled.class)
class OpenLdapReadOnlyTest {

    private static final RequestContext SETUP = RequestContext.commandLine("openldap-read-only-test");
    private static final String OU = "ou=readonly," + OpenLdapServer.SUFFIX;
    private static final String BIND_DN = "cn=gatehouse," + OU;
    private static final String BIND_PASSWORD = "Bind-account-passw0rd";

    @TempDir
    Path dataDir;

    @Test
    void theAdminApiAndScimRefuseEditsOfSyncedUsersAndGroupsWithAClearMessage() throws Exception {
        OpenLdapServer slapd = OpenLdapServer.shared();
        try (LDAPConnection root = slapd.asRoot()) {
            root.add("dn: " + OU, "objectClass: organizationalUnit", "ou: readonly");
            root.add("dn: " + BIND_DN, "objectClass: organizationalRole", "objectClass: simpleSecurityObject",
                    "cn: gatehouse", "userPassword: " + OpenLdapServer.ssha(BIND_PASSWORD));
            root.add("dn: uid=gina,ou=readonly," + OpenLdapServer.SUFFIX, "objectClass: inetOrgPerson", "uid: gina",
                    "cn: Gina Linetti", "sn: Linetti", "mail: gina@example.com");
            root.add("dn: cn=precinct,ou=readonly," + OpenLdapServer.SUFFIX, "objectClass: groupOfNames",
                    "cn: precinct", "member: uid=gina,ou=readonly," + OpenLdapServer.SUFFIX);
        }
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            CoreServices core = gatehouse.services().core();
            core.identitySources().setLdap(new LdapSettings(List.of(slapd.url()), Transport.INSECURE_PLAIN, null,
                    BIND_DN, OU, null, OU, null, LdapSchema.OPENLDAP), BIND_PASSWORD, Actor.administratorCli(),
                    SETUP);
            core.ldapSync().run(SETUP);
            String storeId = gatehouse.services().instance().identityStoreId();
            String userId = core.identityStore().user("gina").userId();
            String groupId = core.identityStore().group("precinct").groupId();
            String membershipId = core.identityStore().membershipsOfUser(userId).getFirst().membershipId();
            Created credential = core.serviceCredentials().create("automation", List.of("AdministratorAccess"),
                    null, Entitlement.ADMIN, SETUP);

            try (IdentitystoreClient admin = AwsClients.identityStore(gatehouse.baseUrl(),
                    credential.credential().accessKeyId(), credential.secretAccessKey())) {
                assertThat(refused(() -> admin.updateUser(b -> b.identityStoreId(storeId).userId(userId).operations(
                        AttributeOperation.builder().attributePath("displayName")
                                .attributeValue(Document.fromString("Gina L.")).build()))))
                        .contains("The user gina comes from the LDAP directory");
                assertThat(refused(() -> admin.deleteUser(b -> b.identityStoreId(storeId).userId(userId))))
                        .contains("comes from the LDAP directory");
                assertThat(refused(() -> admin.updateGroup(b -> b.identityStoreId(storeId).groupId(groupId)
                        .operations(AttributeOperation.builder().attributePath("displayName")
                                .attributeValue(Document.fromString("nine-nine")).build()))))
                        .contains("The group precinct comes from the LDAP directory");
                assertThat(refused(() -> admin.deleteGroupMembership(b -> b.identityStoreId(storeId)
                        .membershipId(membershipId)))).contains("comes from the LDAP directory");
            }

            String token = core.scimTokens().create(Entitlement.ADMIN, SETUP).value();
            HttpResponse<String> scimDelete = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gatehouse.baseUrl() + "/scim/v2/Users/" + userId))
                    .header("Authorization", "Bearer " + token).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scimDelete.statusCode()).isEqualTo(400);
            assertThat(scimDelete.body()).contains("\"scimType\":\"mutability\"")
                    .contains("comes from the LDAP directory");

            assertThat(core.identityStore().user("gina").displayName()).as("nothing changed")
                    .isEqualTo("Gina Linetti");
            assertThat(core.identityStore().group("precinct").displayName()).isEqualTo("precinct");
            assertThat(core.identityStore().membershipsOfUser(userId)).hasSize(1);
        }
    }

    private static String refused(Runnable call) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(refused).as("refused with the model's ValidationException").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(400);
        return refused.awsErrorDetails().errorMessage();
    }
}
