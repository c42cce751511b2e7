package dev.gatehouse.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.ValidationException;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The unmodified AWS SDK for Java v2 administers users, groups and memberships with service credentials. */
class IdentityStoreSdkTest {

    private static final RequestContext SETUP = RequestContext.commandLine("it-identitystore");

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private IdentitystoreClient admin;
    private IdentitystoreClient viewer;
    private String storeId;

    /** On H2 here; {@link IdentityStoreSdkOnPostgresTest} runs the same on PostgreSQL. */
    RunningGatehouse server(Path dataDir, MutableClock clock) {
        return RunningGatehouse.onH2(dataDir, clock);
    }

    @BeforeEach
    void start() {
        gatehouse = server(dataDir, MutableClock.startingNow());
        admin = client(List.of("AdministratorAccess"));
        viewer = client(List.of("ViewOnlyAccess"));
        storeId = gatehouse.services().instance().identityStoreId();
    }

    private IdentitystoreClient client(List<String> policies) {
        Created credential = gatehouse.services().core().serviceCredentials().create(
                "automation-" + policies.getFirst(), policies, null, Entitlement.ADMIN, SETUP);
        return AwsClients.identityStore(gatehouse.baseUrl(), credential.credential().accessKeyId(),
                credential.secretAccessKey());
    }

    @AfterEach
    void stop() {
        admin.close();
        viewer.close();
        gatehouse.close();
    }

    private static AttributeOperation attribute(String path, Document value) {
        return AttributeOperation.builder().attributePath(path).attributeValue(value).build();
    }

    private String createUser(String userName) {
        return admin.createUser(b -> b.identityStoreId(storeId).userName(userName).displayName(userName + " Doe")
                .name(Name.builder().givenName(userName).familyName("Doe").build())
                .emails(Email.builder().value(userName + "@example.com").primary(true).build())).userId();
    }

    @Test
    void usersAreCreatedDescribedFoundPagedUpdatedAndDeleted() {
        String annId = createUser("ann");
        createUser("bob");
        createUser("cat");

        var described = admin.describeUser(b -> b.identityStoreId(storeId).userId(annId));
        assertThat(described.userName()).isEqualTo("ann");
        assertThat(described.name().familyName()).isEqualTo("Doe");
        assertThat(described.emails()).extracting(Email::value).containsExactly("ann@example.com");
        assertThat(described.createdAt()).isNotNull();

        List<String> paged = admin.listUsersPaginator(b -> b.identityStoreId(storeId).maxResults(1)).users()
                .stream().map(User::userName).toList();
        assertThat(paged).containsExactly("ann", "bob", "cat");

        assertThat(admin.listUsers(b -> b.identityStoreId(storeId).filters(Filter.builder()
                .attributePath("UserName").attributeValue("bob").build())).users())
                .extracting(User::userName).containsExactly("bob");
        assertThat(admin.getUserId(b -> b.identityStoreId(storeId).alternateIdentifier(AlternateIdentifier.builder()
                .uniqueAttribute(UniqueAttribute.builder().attributePath("userName")
                        .attributeValue(Document.fromString("ann")).build()).build())).userId()).isEqualTo(annId);
        assertThat(admin.getUserId(b -> b.identityStoreId(storeId).alternateIdentifier(AlternateIdentifier.builder()
                .uniqueAttribute(UniqueAttribute.builder().attributePath("emails.value")
                        .attributeValue(Document.fromString("bob@example.com")).build()).build())).userId())
                .isNotEqualTo(annId);

        admin.updateUser(b -> b.identityStoreId(storeId).userId(annId).operations(AttributeOperation.builder()
                .attributePath("displayName").attributeValue(Document.fromString("Ann the Admin")).build()));
        assertThat(admin.describeUser(b -> b.identityStoreId(storeId).userId(annId)).displayName())
                .isEqualTo("Ann the Admin");

        admin.deleteUser(b -> b.identityStoreId(storeId).userId(annId));
        assertThatThrownBy(() -> admin.describeUser(b -> b.identityStoreId(storeId).userId(annId)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
                    assertThat(e.resourceId()).isEqualTo(annId);
                });
    }

    @Test
    void groupsAndMembershipsAreCreatedListedCheckedAndRemoved() {
        String annId = createUser("ann");
        String developers = admin.createGroup(b -> b.identityStoreId(storeId).displayName("Developers")
                .description("people who ship")).groupId();
        String operators = admin.createGroup(b -> b.identityStoreId(storeId).displayName("Operators")).groupId();

        assertThat(admin.describeGroup(b -> b.identityStoreId(storeId).groupId(developers)).description())
                .isEqualTo("people who ship");
        assertThat(admin.listGroupsPaginator(b -> b.identityStoreId(storeId).maxResults(1)).groups().stream()
                .map(g -> g.displayName()).toList()).containsExactly("Developers", "Operators");
        assertThat(admin.getGroupId(b -> b.identityStoreId(storeId).alternateIdentifier(AlternateIdentifier.builder()
                .uniqueAttribute(UniqueAttribute.builder().attributePath("displayName")
                        .attributeValue(Document.fromString("Operators")).build()).build())).groupId())
                .isEqualTo(operators);
        assertThatThrownBy(() -> admin.createGroup(b -> b.identityStoreId(storeId).displayName("Developers")))
                .isInstanceOf(ConflictException.class);

        admin.updateGroup(b -> b.identityStoreId(storeId).groupId(operators).operations(
                attribute("displayName", Document.fromString("Operations")),
                attribute("description", Document.fromString("people on call"))));
        assertThat(admin.describeGroup(b -> b.identityStoreId(storeId).groupId(operators)))
                .satisfies(g -> assertThat(g.displayName()).isEqualTo("Operations"))
                .satisfies(g -> assertThat(g.description()).isEqualTo("people on call"));
        assertThatThrownBy(() -> admin.updateGroup(b -> b.identityStoreId(storeId).groupId(operators)
                .operations(attribute("displayName", Document.fromString("developers")))))
                .isInstanceOf(ConflictException.class);

        MemberId ann = MemberId.builder().userId(annId).build();
        String membershipId = admin.createGroupMembership(b -> b.identityStoreId(storeId).groupId(developers)
                .memberId(ann)).membershipId();

        assertThat(admin.listGroupMembershipsPaginator(b -> b.identityStoreId(storeId).groupId(developers))
                .groupMemberships()).extracting(GroupMembership::membershipId).containsExactly(membershipId);
        assertThat(admin.listGroupMembershipsForMemberPaginator(b -> b.identityStoreId(storeId).memberId(ann))
                .groupMemberships()).extracting(GroupMembership::groupId).containsExactly(developers);
        assertThat(admin.getGroupMembershipId(b -> b.identityStoreId(storeId).groupId(developers).memberId(ann))
                .membershipId()).isEqualTo(membershipId);
        assertThat(admin.describeGroupMembership(b -> b.identityStoreId(storeId).membershipId(membershipId))
                .memberId().userId()).isEqualTo(annId);
        assertThat(admin.isMemberInGroups(b -> b.identityStoreId(storeId).memberId(ann)
                .groupIds(developers, operators)).results())
                .extracting(r -> r.groupId() + "=" + r.membershipExists())
                .containsExactly(developers + "=true", operators + "=false");

        admin.deleteGroupMembership(b -> b.identityStoreId(storeId).membershipId(membershipId));
        assertThat(admin.listGroupMemberships(b -> b.identityStoreId(storeId).groupId(developers))
                .groupMemberships()).isEmpty();
        admin.deleteGroup(b -> b.identityStoreId(storeId).groupId(operators));
        assertThat(admin.listGroups(b -> b.identityStoreId(storeId)).groups()).hasSize(1);
    }

    @Test
    void removingAMembershipThroughTheApiCutsOffTheMembersCredentials() throws Exception {
        Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().viaGroup("Developers")
                .createIn(gatehouse.services());
        try (DeviceLogin login = new DeviceLogin(gatehouse)) {
            RoleCredentials credentials = login.roleCredentials(login.logIn(ed).accessToken(), ed);
            login.callerIdentity(credentials);
            String groupId = admin.getGroupId(b -> b.identityStoreId(storeId).alternateIdentifier(
                    AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder()
                            .attributePath("displayName").attributeValue(Document.fromString("Developers")).build())
                            .build())).groupId();
            String edId = admin.getUserId(b -> b.identityStoreId(storeId).alternateIdentifier(
                    AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder()
                            .attributePath("userName").attributeValue(Document.fromString(ed.userName())).build())
                            .build())).userId();
            String membershipId = admin.getGroupMembershipId(b -> b.identityStoreId(storeId).groupId(groupId)
                    .memberId(MemberId.builder().userId(edId).build())).membershipId();

            admin.deleteGroupMembership(b -> b.identityStoreId(storeId).membershipId(membershipId));

            assertThatThrownBy(() -> login.callerIdentity(credentials)).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void viewOnlyAccessListsButMayNotChange() {
        createUser("ann");

        assertThat(viewer.listUsers(b -> b.identityStoreId(storeId)).users()).hasSize(1);
        assertThatThrownBy(() -> viewer.createGroup(b -> b.identityStoreId(storeId).displayName("Sneaky")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage())
                        .contains("identitystore:CreateGroup"));
        assertThat(admin.listGroups(b -> b.identityStoreId(storeId)).groups()).isEmpty();
    }

    @Test
    void aRequestOutsideTheModelsConstraintsIsAValidationException() {
        assertThatThrownBy(() -> admin.describeUser(b -> b.identityStoreId(storeId).userId("not-a-uuid")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> admin.listUsers(b -> b.identityStoreId(storeId).nextToken("forged")))
                .isInstanceOf(ValidationException.class);
    }
}
