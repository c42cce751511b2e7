package dev.gatehouse.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Address;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.DescribeGroupResponse;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.identitystore.model.PhoneNumber;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;

/**
 * Acceptance D, identitystore part: the calls Terraform's AWS provider makes for {@code aws_identitystore_user},
 * {@code aws_identitystore_group} and {@code aws_identitystore_group_membership} (and their data sources), in its
 * order — create then read back, refresh, update with attribute operations shaped as the provider shapes them
 * (lower-camel members in documents, {@code primary} always sent), destroy then the destroy check expecting
 * {@code ResourceNotFoundException} — replayed with the SDK. The order was read from the provider's public source
 * (internal/service/identitystore: user.go, group.go, group_membership.go and the data sources).
 */
class TerraformIdentityStoreReplayTest {

    /** The model's ResourceId pattern, anchored: the ids Terraform stores in state. */
    private static final Pattern RESOURCE_ID = Pattern.compile(
            "^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$");
    private static final RequestContext SETUP = RequestContext.commandLine("it-terraform-replay");

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private IdentitystoreClient terraform;
    private String storeId;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        Created credential = gatehouse.services().core().serviceCredentials().create("terraform",
                List.of("AdministratorAccess"), null, Entitlement.ADMIN, SETUP);
        terraform = AwsClients.identityStore(gatehouse.baseUrl(), credential.credential().accessKeyId(),
                credential.secretAccessKey());
        storeId = gatehouse.services().instance().identityStoreId();
    }

    @AfterEach
    void stop() {
        terraform.close();
        gatehouse.close();
    }

    private DescribeUserResponse readUser(String userId) {
        return terraform.describeUser(b -> b.identityStoreId(storeId).userId(userId));
    }

    private DescribeGroupResponse readGroup(String groupId) {
        return terraform.describeGroup(b -> b.identityStoreId(storeId).groupId(groupId));
    }

    private static AttributeOperation operation(String path, Document value) {
        return AttributeOperation.builder().attributePath(path).attributeValue(value).build();
    }

    /** A document object as the provider builds it: only the members set, {@code primary} always. */
    private static Document object(Object... membersAndValues) {
        Map<String, Document> members = new LinkedHashMap<>();
        for (int i = 0; i < membersAndValues.length; i += 2) {
            Object value = membersAndValues[i + 1];
            members.put((String) membersAndValues[i], value instanceof Boolean flag ? Document.fromBoolean(flag)
                    : Document.fromString((String) value));
        }
        return Document.fromMap(members);
    }

    @Test
    void awsIdentitystoreUserCreateReadUpdateDestroy() {
        // Create: CreateUser with what the configuration sets, then Read (DescribeUser).
        String userId = terraform.createUser(b -> b.identityStoreId(storeId).userName("ann.lee")
                .displayName("Ann Lee").name(Name.builder().givenName("Ann").familyName("Lee").build())
                .emails(Email.builder().value("ann@example.com").type("work").primary(true).build())
                .addresses(Address.builder().streetAddress("1 Main St").locality("Springfield").postalCode("12345")
                        .country("US").type("work").primary(true).build())
                .phoneNumbers(PhoneNumber.builder().value("+1 555 0100").type("work").primary(false).build()))
                .userId();
        assertThat(userId).matches(RESOURCE_ID);
        DescribeUserResponse created = readUser(userId);
        assertThat(created.userName()).isEqualTo("ann.lee");
        assertThat(created.addresses()).singleElement().satisfies(address -> {
            assertThat(address.streetAddress()).isEqualTo("1 Main St");
            assertThat(address.postalCode()).isEqualTo("12345");
            assertThat(address.primary()).isTrue();
        });
        assertThat(created.phoneNumbers()).singleElement().satisfies(number -> {
            assertThat(number.value()).isEqualTo("+1 555 0100");
            assertThat(number.primary()).isFalse();
        });

        // Refresh: the same Read; nothing drifted.
        DescribeUserResponse refreshed = readUser(userId);
        assertThat(List.of(refreshed.name(), refreshed.displayName(), refreshed.emails(), refreshed.addresses(),
                refreshed.phoneNumbers())).isEqualTo(List.of(created.name(), created.displayName(), created.emails(),
                created.addresses(), created.phoneNumbers()));

        // Update: one operation per changed attribute, complex ones whole with lower-camel members; an emptied list
        // is sent as null.
        terraform.updateUser(b -> b.identityStoreId(storeId).userId(userId).operations(
                operation("displayName", Document.fromString("Ann Lee-Smith")),
                operation("name.familyName", Document.fromString("Lee-Smith")),
                operation("emails", Document.fromList(List.of(object("primary", true, "type", "work",
                        "value", "ann.smith@example.com")))),
                operation("addresses", Document.fromList(List.of(object("country", "US", "locality", "Shelbyville",
                        "postalCode", "54321", "primary", true, "streetAddress", "2 Oak Ave", "type", "home")))),
                operation("phoneNumbers", Document.fromNull())));
        DescribeUserResponse updated = readUser(userId);
        assertThat(updated.displayName()).isEqualTo("Ann Lee-Smith");
        assertThat(updated.name().familyName()).isEqualTo("Lee-Smith");
        assertThat(updated.emails()).singleElement().satisfies(email ->
                assertThat(email.value()).isEqualTo("ann.smith@example.com"));
        assertThat(updated.addresses()).singleElement().satisfies(address -> {
            assertThat(address.locality()).isEqualTo("Shelbyville");
            assertThat(address.type()).isEqualTo("home");
        });
        assertThat(updated.phoneNumbers()).isEmpty();

        // Data source aws_identitystore_user: the deprecated Filters (older providers), and GetUserId by a unique
        // attribute then DescribeUser (newer ones).
        assertThat(terraform.listUsers(b -> b.identityStoreId(storeId).filters(Filter.builder()
                .attributePath("UserName").attributeValue("ann.lee").build())).users())
                .singleElement().satisfies(user -> assertThat(user.userId()).isEqualTo(userId));
        String found = terraform.getUserId(b -> b.identityStoreId(storeId).alternateIdentifier(
                AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder().attributePath("userName")
                        .attributeValue(Document.fromString("ann.lee")).build()).build())).userId();
        assertThat(readUser(found).userId()).isEqualTo(userId);

        // Destroy, then the destroy check: DescribeUser must say ResourceNotFoundException; a second delete (the
        // resource already gone) is answered the same way, which the provider takes as done.
        terraform.deleteUser(b -> b.identityStoreId(storeId).userId(userId));
        assertThatThrownBy(() -> readUser(userId)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> terraform.deleteUser(b -> b.identityStoreId(storeId).userId(userId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void awsIdentitystoreGroupCreateReadUpdateDestroy() {
        String groupId = terraform.createGroup(b -> b.identityStoreId(storeId).displayName("Platform")
                .description("Runs the platform")).groupId();
        assertThat(groupId).matches(RESOURCE_ID);
        assertThat(readGroup(groupId).description()).isEqualTo("Runs the platform");

        terraform.updateGroup(b -> b.identityStoreId(storeId).groupId(groupId).operations(
                operation("displayName", Document.fromString("Platform Team")),
                operation("description", Document.fromString("Runs and pages for the platform"))));
        DescribeGroupResponse updated = readGroup(groupId);
        assertThat(updated.displayName()).isEqualTo("Platform Team");
        assertThat(updated.description()).isEqualTo("Runs and pages for the platform");

        // Data source aws_identitystore_group: Filters on DisplayName, or GetGroupId then DescribeGroup.
        assertThat(terraform.listGroups(b -> b.identityStoreId(storeId).filters(Filter.builder()
                .attributePath("DisplayName").attributeValue("Platform Team").build())).groups())
                .singleElement().satisfies(group -> assertThat(group.groupId()).isEqualTo(groupId));
        String found = terraform.getGroupId(b -> b.identityStoreId(storeId).alternateIdentifier(
                AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder().attributePath("displayName")
                        .attributeValue(Document.fromString("Platform Team")).build()).build())).groupId();
        assertThat(readGroup(found).groupId()).isEqualTo(groupId);

        terraform.deleteGroup(b -> b.identityStoreId(storeId).groupId(groupId));
        assertThatThrownBy(() -> readGroup(groupId)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void awsIdentitystoreGroupMembershipCreateReadImportDestroy() {
        String userId = terraform.createUser(b -> b.identityStoreId(storeId).userName("bo").displayName("Bo Ray")
                .name(Name.builder().givenName("Bo").familyName("Ray").build())
                .emails(Email.builder().value("bo@example.com").primary(true).build())).userId();
        String groupId = terraform.createGroup(b -> b.identityStoreId(storeId).displayName("Oncall")).groupId();
        MemberId member = MemberId.fromUserId(userId);

        String membershipId = terraform.createGroupMembership(b -> b.identityStoreId(storeId).groupId(groupId)
                .memberId(member)).membershipId();
        assertThat(membershipId).matches(RESOURCE_ID);
        var read = terraform.describeGroupMembership(b -> b.identityStoreId(storeId).membershipId(membershipId));
        assertThat(read.groupId()).isEqualTo(groupId);
        assertThat(read.memberId().userId()).isEqualTo(userId);

        // Import by group and member resolves the same membership.
        assertThat(terraform.getGroupMembershipId(b -> b.identityStoreId(storeId).groupId(groupId)
                .memberId(member)).membershipId()).isEqualTo(membershipId);

        terraform.deleteGroupMembership(b -> b.identityStoreId(storeId).membershipId(membershipId));
        assertThatThrownBy(() -> terraform.describeGroupMembership(b -> b.identityStoreId(storeId)
                .membershipId(membershipId))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(readGroup(groupId).displayName()).isEqualTo("Oncall");
    }
}
