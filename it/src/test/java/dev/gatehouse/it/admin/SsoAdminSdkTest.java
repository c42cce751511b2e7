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
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccessControlAttribute;
import software.amazon.awssdk.services.ssoadmin.model.AccessControlAttributeValue;
import software.amazon.awssdk.services.ssoadmin.model.AccessDeniedException;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.InstanceAccessControlAttributeConfiguration;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PermissionsBoundary;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.Tag;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The unmodified AWS SDK for Java v2 administers permission sets, their policies, account assignments and the ABAC
 * configuration with service credentials, running every operation Gatehouse implements and each paginator.
 */
class SsoAdminSdkTest {

    private static final RequestContext SETUP = RequestContext.commandLine("it-ssoadmin");
    private static final String POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";
    private static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private SsoAdminClient admin;
    private SsoAdminClient viewer;
    private String instance;

    /** On H2 here; {@link SsoAdminSdkOnPostgresTest} runs the same on PostgreSQL. */
    RunningGatehouse server(Path dataDir, MutableClock clock) {
        return RunningGatehouse.onH2(dataDir, clock);
    }

    @BeforeEach
    void start() {
        gatehouse = server(dataDir, MutableClock.startingNow());
        admin = client(List.of("AdministratorAccess"));
        viewer = client(List.of("ViewOnlyAccess"));
        instance = gatehouse.services().instance().instanceArn();
    }

    private SsoAdminClient client(List<String> policies) {
        Created credential = gatehouse.services().core().serviceCredentials().create(
                "automation-" + policies.getFirst(), policies, null, Entitlement.ADMIN, SETUP);
        return AwsClients.ssoAdmin(gatehouse.baseUrl(), credential.credential().accessKeyId(),
                credential.secretAccessKey());
    }

    @AfterEach
    void stop() {
        admin.close();
        viewer.close();
        gatehouse.close();
    }

    private String createPermissionSet(String name) {
        return admin.createPermissionSet(b -> b.instanceArn(instance).name(name).sessionDuration("PT4H")
                .tags(Tag.builder().key("team").value("platform").build())).permissionSet().permissionSetArn();
    }

    @Test
    void theInstanceIsListedDescribedAndUpdatedButNeitherCreatedNorDeleted() {
        List<InstanceMetadata> instances = viewer.listInstancesPaginator(b -> b.maxResults(1)).instances().stream()
                .toList();

        assertThat(instances).extracting(InstanceMetadata::instanceArn).containsExactly(instance);
        assertThat(viewer.describeInstance(b -> b.instanceArn(instance)).identityStoreId())
                .isEqualTo(gatehouse.services().instance().identityStoreId());
        admin.updateInstance(b -> b.instanceArn(instance).encryptionConfiguration(e -> e.keyType("AWS_OWNED_KMS_KEY")));
        assertThatThrownBy(() -> admin.createInstance(b -> b.name("another"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> admin.deleteInstance(b -> b.instanceArn(instance)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void permissionSetsAreCreatedDescribedPagedTaggedUpdatedAndDeleted() {
        String deployers = createPermissionSet("Deployers");
        createPermissionSet("Operators");
        createPermissionSet("Readers");

        assertThat(admin.listPermissionSetsPaginator(b -> b.instanceArn(instance).maxResults(1)).permissionSets()
                .stream().toList()).hasSize(3).contains(deployers);
        admin.updatePermissionSet(b -> b.instanceArn(instance).permissionSetArn(deployers)
                .description("ships releases"));
        var described = viewer.describePermissionSet(b -> b.instanceArn(instance).permissionSetArn(deployers))
                .permissionSet();
        assertThat(described.name()).isEqualTo("Deployers");
        assertThat(described.description()).isEqualTo("ships releases");
        assertThat(described.sessionDuration()).isEqualTo("PT4H");
        assertThat(described.createdDate()).isNotNull();

        admin.tagResource(b -> b.instanceArn(instance).resourceArn(deployers)
                .tags(Tag.builder().key("cost-center").value("42").build()));
        admin.untagResource(b -> b.instanceArn(instance).resourceArn(deployers).tagKeys("team"));
        assertThat(viewer.listTagsForResourcePaginator(b -> b.instanceArn(instance).resourceArn(deployers)).tags()
                .stream().map(t -> t.key() + "=" + t.value()).toList()).containsExactly("cost-center=42");

        admin.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(deployers));
        assertThatThrownBy(() -> viewer.describePermissionSet(b -> b.instanceArn(instance)
                .permissionSetArn(deployers))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void policiesAreAttachedPutReadAndRemoved() {
        String set = createPermissionSet("Builders");
        admin.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .managedPolicyArn(POWER_USER));
        admin.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .managedPolicyArn(VIEW_ONLY));

        assertThat(viewer.listManagedPoliciesInPermissionSetPaginator(b -> b.instanceArn(instance)
                .permissionSetArn(set).maxResults(1)).attachedManagedPolicies().stream()
                .map(AttachedManagedPolicy::arn).toList()).containsExactly(POWER_USER, VIEW_ONLY);
        admin.detachManagedPolicyFromPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .managedPolicyArn(VIEW_ONLY));

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:*\","
                + "\"Resource\":\"*\"}]}";
        admin.putInlinePolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).inlinePolicy(policy));
        assertThat(admin.getInlinePolicyForPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set))
                .inlinePolicy()).isEqualTo(policy);
        assertThatThrownBy(() -> admin.putInlinePolicyToPermissionSet(b -> b.instanceArn(instance)
                .permissionSetArn(set).inlinePolicy("{\n  \"Statement\": oops\n}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("line"));
        admin.deleteInlinePolicyFromPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
        assertThat(admin.getInlinePolicyForPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set))
                .inlinePolicy()).isNull();

        admin.putPermissionsBoundaryToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .permissionsBoundary(PermissionsBoundary.builder().managedPolicyArn(POWER_USER).build()));
        assertThat(admin.getPermissionsBoundaryForPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set))
                .permissionsBoundary().managedPolicyArn()).isEqualTo(POWER_USER);
        admin.deletePermissionsBoundaryFromPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
        assertThatThrownBy(() -> admin.getPermissionsBoundaryForPermissionSet(b -> b.instanceArn(instance)
                .permissionSetArn(set))).isInstanceOf(ResourceNotFoundException.class);

        CustomerManagedPolicyReference reference = CustomerManagedPolicyReference.builder().name("TeamPolicy")
                .path("/").build();
        assertThatThrownBy(() -> admin.attachCustomerManagedPolicyReferenceToPermissionSet(b -> b
                .instanceArn(instance).permissionSetArn(set).customerManagedPolicyReference(reference)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> admin.detachCustomerManagedPolicyReferenceFromPermissionSet(b -> b
                .instanceArn(instance).permissionSetArn(set).customerManagedPolicyReference(reference)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(viewer.listCustomerManagedPolicyReferencesInPermissionSetPaginator(b -> b.instanceArn(instance)
                .permissionSetArn(set)).customerManagedPolicyReferences().stream().toList()).isEmpty();
    }

    @Test
    void anAssignmentIsCreatedPolledListedEveryWayAndItsDeletionCutsOffTheHoldersCredentials() throws Exception {
        Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        ed.deleteAssignment();
        String set = ed.permissionSet().permissionSetArn();
        String edId = gatehouse.services().core().identityStore().user(ed.userName()).userId();

        var created = admin.createAccountAssignment(b -> b.instanceArn(instance).targetId(ed.accountId())
                .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(set).principalType(PrincipalType.USER)
                .principalId(edId)).accountAssignmentCreationStatus();
        assertThat(admin.describeAccountAssignmentCreationStatus(b -> b.instanceArn(instance)
                .accountAssignmentCreationRequestId(created.requestId())).accountAssignmentCreationStatus().status())
                .isEqualTo(StatusValues.SUCCEEDED);
        assertThat(viewer.listAccountAssignmentCreationStatusPaginator(b -> b.instanceArn(instance).maxResults(1))
                .accountAssignmentsCreationStatus().stream().map(s -> s.requestId()).toList())
                .contains(created.requestId());
        assertThat(viewer.listAccountAssignmentsPaginator(b -> b.instanceArn(instance).accountId(ed.accountId())
                .permissionSetArn(set).maxResults(1)).accountAssignments().stream().map(a -> a.principalId())
                .toList()).containsExactly(edId);
        assertThat(viewer.listAccountAssignmentsForPrincipalPaginator(b -> b.instanceArn(instance).principalId(edId)
                .principalType(PrincipalType.USER)).accountAssignments().stream().map(a -> a.accountId()).toList())
                .containsExactly(ed.accountId());
        assertThat(viewer.listAccountsForProvisionedPermissionSetPaginator(b -> b.instanceArn(instance)
                .permissionSetArn(set)).accountIds().stream().toList()).containsExactly(ed.accountId());
        assertThat(viewer.listPermissionSetsProvisionedToAccountPaginator(b -> b.instanceArn(instance)
                .accountId(ed.accountId())).permissionSets().stream().toList()).containsExactly(set);

        var provisioned = admin.provisionPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .targetType(ProvisionTargetType.ALL_PROVISIONED_ACCOUNTS)).permissionSetProvisioningStatus();
        assertThat(admin.describePermissionSetProvisioningStatus(b -> b.instanceArn(instance)
                .provisionPermissionSetRequestId(provisioned.requestId())).permissionSetProvisioningStatus()
                .status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(viewer.listPermissionSetProvisioningStatusPaginator(b -> b.instanceArn(instance))
                .permissionSetsProvisioningStatus().stream().toList()).hasSize(1);

        try (DeviceLogin login = new DeviceLogin(gatehouse)) {
            RoleCredentials credentials = login.roleCredentials(login.logIn(ed).accessToken(), ed);
            login.callerIdentity(credentials);

            var deleted = admin.deleteAccountAssignment(b -> b.instanceArn(instance).targetId(ed.accountId())
                    .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(set).principalType(PrincipalType.USER)
                    .principalId(edId)).accountAssignmentDeletionStatus();

            assertThat(admin.describeAccountAssignmentDeletionStatus(b -> b.instanceArn(instance)
                    .accountAssignmentDeletionRequestId(deleted.requestId())).accountAssignmentDeletionStatus()
                    .status()).isEqualTo(StatusValues.SUCCEEDED);
            assertThat(viewer.listAccountAssignmentDeletionStatusPaginator(b -> b.instanceArn(instance))
                    .accountAssignmentsDeletionStatus().stream().toList()).hasSize(1);
            assertThatThrownBy(() -> login.callerIdentity(credentials)).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void theAccessControlAttributeConfigurationIsCreatedDescribedUpdatedAndDeleted() {
        admin.createInstanceAccessControlAttributeConfiguration(b -> b.instanceArn(instance)
                .instanceAccessControlAttributeConfiguration(configuration("CostCenter",
                        "${path:enterprise.costCenter}")));
        admin.updateInstanceAccessControlAttributeConfiguration(b -> b.instanceArn(instance)
                .instanceAccessControlAttributeConfiguration(configuration("Team", "${path:enterprise.department}")));

        var described = viewer.describeInstanceAccessControlAttributeConfiguration(b -> b.instanceArn(instance));
        assertThat(described.statusAsString()).isEqualTo("ENABLED");
        assertThat(described.instanceAccessControlAttributeConfiguration().accessControlAttributes())
                .extracting(a -> a.key() + "=" + a.value().source().getFirst())
                .containsExactly("Team=${path:enterprise.department}");
        admin.deleteInstanceAccessControlAttributeConfiguration(b -> b.instanceArn(instance));
        assertThatThrownBy(() -> viewer.describeInstanceAccessControlAttributeConfiguration(b -> b
                .instanceArn(instance))).isInstanceOf(ResourceNotFoundException.class);
    }

    private static InstanceAccessControlAttributeConfiguration configuration(String key, String source) {
        return InstanceAccessControlAttributeConfiguration.builder().accessControlAttributes(
                AccessControlAttribute.builder().key(key)
                        .value(AccessControlAttributeValue.builder().source(source).build()).build()).build();
    }

    @Test
    void viewOnlyAccessListsButMayNotChange() {
        createPermissionSet("Existing");

        assertThat(viewer.listPermissionSets(b -> b.instanceArn(instance)).permissionSets()).hasSize(1);
        assertThatThrownBy(() -> viewer.createPermissionSet(b -> b.instanceArn(instance).name("Sneaky")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage())
                        .contains("sso:CreatePermissionSet"));
        assertThat(admin.listPermissionSets(b -> b.instanceArn(instance)).permissionSets()).hasSize(1);
    }
}
