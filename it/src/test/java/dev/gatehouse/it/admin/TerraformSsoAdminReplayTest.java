package dev.gatehouse.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSetProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.Tag;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * Acceptance D, sso-admin part: the calls Terraform's AWS provider makes for {@code aws_ssoadmin_permission_set},
 * {@code aws_ssoadmin_managed_policy_attachment}, {@code aws_ssoadmin_permission_set_inline_policy} and
 * {@code aws_ssoadmin_account_assignment}, in its order — the duplicate check before an attach or an assignment,
 * create, the status polling until {@code SUCCEEDED}, the read after create, refresh, update with the re-provisioning
 * of all accounts, destroy, then the destroy check (a {@code ResourceNotFoundException}, or a list without the
 * resource) — replayed with the SDK. The order was read from the provider's public source
 * (internal/service/ssoadmin: permission_set.go, managed_policy_attachment.go, permission_set_inline_policy.go,
 * account_assignment.go and their finders and waiters).
 */
class TerraformSsoAdminReplayTest {

    private static final RequestContext SETUP = RequestContext.commandLine("it-terraform-replay");
    private static final String ACCOUNT = "111122223333";
    private static final String POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";
    private static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private SsoAdminClient terraform;
    private String instance;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        Created credential = gatehouse.services().core().serviceCredentials().create("terraform",
                List.of("AdministratorAccess"), null, Entitlement.ADMIN, SETUP);
        terraform = AwsClients.ssoAdmin(gatehouse.baseUrl(), credential.credential().accessKeyId(),
                credential.secretAccessKey());
        instance = gatehouse.services().instance().instanceArn();
    }

    @AfterEach
    void stop() {
        terraform.close();
        gatehouse.close();
    }

    /** The resource's Read: DescribePermissionSet, then ListTagsForResource for tags and tags_all. */
    private PermissionSet readPermissionSet(String set) {
        return terraform.describePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)).permissionSet();
    }

    private List<String> readTags(String set) {
        return terraform.listTagsForResourcePaginator(b -> b.instanceArn(instance).resourceArn(set)).tags().stream()
                .map(tag -> tag.key() + "=" + tag.value()).toList();
    }

    /** ProvisionPermissionSet to ALL_PROVISIONED_ACCOUNTS, then the waiter's DescribePermissionSetProvisioningStatus. */
    private void provisionAllAccounts(String set) {
        PermissionSetProvisioningStatus started = terraform.provisionPermissionSet(b -> b.instanceArn(instance)
                .permissionSetArn(set).targetType(ProvisionTargetType.ALL_PROVISIONED_ACCOUNTS))
                .permissionSetProvisioningStatus();
        PermissionSetProvisioningStatus polled = terraform.describePermissionSetProvisioningStatus(b -> b
                .instanceArn(instance).provisionPermissionSetRequestId(started.requestId()))
                .permissionSetProvisioningStatus();
        assertThat(polled.status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(polled.permissionSetArn()).isEqualTo(set);
        assertThat(polled.failureReason()).isNull();
    }

    /** The attachment's finder: every page of ListManagedPoliciesInPermissionSet, filtered on the ARN. */
    private List<AttachedManagedPolicy> findManagedPolicy(String set, String policyArn) {
        return terraform.listManagedPoliciesInPermissionSetPaginator(b -> b.instanceArn(instance)
                .permissionSetArn(set)).attachedManagedPolicies().stream()
                .filter(policy -> policy.arn().equals(policyArn)).toList();
    }

    /** The assignment's finder: every page of ListAccountAssignments, filtered on principal id and type. */
    private List<AccountAssignment> findAssignment(String set, String principalId, PrincipalType type) {
        Predicate<AccountAssignment> same = a -> a.principalId().equals(principalId) && a.principalType() == type;
        return terraform.listAccountAssignmentsPaginator(b -> b.instanceArn(instance).accountId(ACCOUNT)
                .permissionSetArn(set)).accountAssignments().stream().filter(same).toList();
    }

    private String createPermissionSet(String name) {
        return terraform.createPermissionSet(b -> b.instanceArn(instance).name(name).sessionDuration("PT1H"))
                .permissionSet().permissionSetArn();
    }

    @Test
    void awsSsoadminPermissionSetCreateReadUpdateDestroy() {
        // Create: CreatePermissionSet with what the configuration sets (session_duration defaults to PT1H), then Read.
        String set = terraform.createPermissionSet(b -> b.instanceArn(instance).name("Deployers")
                .description("ships releases").sessionDuration("PT1H")
                .relayState("https://console.aws.amazon.com/ec2/")
                .tags(Tag.builder().key("team").value("platform").build())).permissionSet().permissionSetArn();
        assertThat(set).startsWith("arn:aws:sso:::permissionSet/");
        PermissionSet created = readPermissionSet(set);
        assertThat(created.name()).isEqualTo("Deployers");
        assertThat(created.description()).isEqualTo("ships releases");
        assertThat(created.relayState()).isEqualTo("https://console.aws.amazon.com/ec2/");
        assertThat(created.sessionDuration()).isEqualTo("PT1H");
        assertThat(created.createdDate()).isNotNull();
        assertThat(readTags(set)).containsExactly("team=platform");

        // Refresh: the same Read; nothing drifted.
        assertThat(readPermissionSet(set)).isEqualTo(created);

        // Update: UpdatePermissionSet sends every member that is set (else AWS would clear RelayState), then
        // re-provisions all accounts and waits; tags change by UntagResource then TagResource; then Read.
        terraform.updatePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .description("ships and rolls back releases").sessionDuration("PT4H")
                .relayState("https://console.aws.amazon.com/ec2/"));
        provisionAllAccounts(set);
        terraform.untagResource(b -> b.instanceArn(instance).resourceArn(set).tagKeys("team"));
        terraform.tagResource(b -> b.instanceArn(instance).resourceArn(set)
                .tags(Tag.builder().key("cost-center").value("42").build()));
        PermissionSet updated = readPermissionSet(set);
        assertThat(updated.description()).isEqualTo("ships and rolls back releases");
        assertThat(updated.sessionDuration()).isEqualTo("PT4H");
        assertThat(updated.relayState()).isEqualTo("https://console.aws.amazon.com/ec2/");
        assertThat(updated.createdDate()).isEqualTo(created.createdDate());
        assertThat(readTags(set)).containsExactly("cost-center=42");

        // Destroy, then the destroy check: DescribePermissionSet says ResourceNotFoundException; a second delete
        // (already gone) answers the same, which the provider takes as done.
        terraform.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
        assertThatThrownBy(() -> readPermissionSet(set)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> terraform.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void awsSsoadminManagedPolicyAttachmentCreateReadDestroy() {
        String set = createPermissionSet("Builders");

        // Create: the duplicate check finds nothing, attach, provision all accounts, then Read by the same finder.
        for (String policy : List.of(POWER_USER, VIEW_ONLY)) {
            assertThat(findManagedPolicy(set, policy)).isEmpty();
            terraform.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                    .managedPolicyArn(policy));
            provisionAllAccounts(set);
            assertThat(findManagedPolicy(set, policy)).singleElement().satisfies(attached ->
                    assertThat(attached.name()).isEqualTo(policy.substring(policy.lastIndexOf('/') + 1)));
        }

        // Destroy one attachment: detach, provision all accounts; the destroy check's finder no longer sees it
        // while the other attachment stays.
        terraform.detachManagedPolicyFromPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                .managedPolicyArn(VIEW_ONLY));
        provisionAllAccounts(set);
        assertThat(findManagedPolicy(set, VIEW_ONLY)).isEmpty();
        assertThat(findManagedPolicy(set, POWER_USER)).hasSize(1);

        // When the permission set goes first, the attachment's finder answers ResourceNotFoundException, which the
        // provider reads as gone.
        terraform.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
        assertThatThrownBy(() -> findManagedPolicy(set, POWER_USER)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void awsSsoadminPermissionSetInlinePolicyCreateReadUpdateDestroy() {
        String set = createPermissionSet("Guarded");
        // The provider normalizes the JSON before sending it: compact, members in key order.
        String denyIam = "{\"Statement\":[{\"Action\":\"iam:*\",\"Effect\":\"Deny\",\"Resource\":\"*\"}],"
                + "\"Version\":\"2012-10-17\"}";
        String denyIamAndOrganizations = "{\"Statement\":[{\"Action\":[\"iam:*\",\"organizations:*\"],"
                + "\"Effect\":\"Deny\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}";

        // Create and update are the same Put: PutInlinePolicyToPermissionSet, provision all accounts, then Read.
        for (String policy : List.of(denyIam, denyIamAndOrganizations)) {
            terraform.putInlinePolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
                    .inlinePolicy(policy));
            provisionAllAccounts(set);
            assertThat(readInlinePolicy(set)).isEqualTo(policy);
        }
        // Refresh.
        assertThat(readInlinePolicy(set)).isEqualTo(denyIamAndOrganizations);

        // Destroy: delete, provision all accounts; the destroy check reads an empty policy, which it takes as gone.
        terraform.deleteInlinePolicyFromPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
        provisionAllAccounts(set);
        assertThat(readInlinePolicy(set)).isNullOrEmpty();
    }

    private String readInlinePolicy(String set) {
        return terraform.getInlinePolicyForPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set))
                .inlinePolicy();
    }

    @Test
    void awsSsoadminAccountAssignmentCreateReadDestroyForAUserAndAGroup() {
        var access = gatehouse.services().core().accessModel();
        var directory = gatehouse.services().core().identityStore();
        access.createAccount(ACCOUNT, "Development", "aws+dev@example.com", Entitlement.ADMIN, SETUP);
        String userId = directory.createUser(new NewUser("ann.lee", "Ann Lee", "Ann", "Lee", "ann@example.com", false),
                Entitlement.ADMIN, SETUP).userId();
        String groupId = directory.createGroup("Platform", "Runs the platform", Entitlement.ADMIN, SETUP).groupId();
        String set = createPermissionSet("Operators");

        for (var principal : List.of(new Principal(userId, PrincipalType.USER),
                new Principal(groupId, PrincipalType.GROUP))) {
            // Create: the duplicate check (ListAccountAssignments, every page) finds nothing, create, poll the
            // creation status until SUCCEEDED, then Read by the same finder.
            assertThat(findAssignment(set, principal.id(), principal.type())).isEmpty();
            AccountAssignmentOperationStatus started = terraform.createAccountAssignment(b -> b.instanceArn(instance)
                    .permissionSetArn(set).principalId(principal.id()).principalType(principal.type())
                    .targetId(ACCOUNT).targetType(TargetType.AWS_ACCOUNT)).accountAssignmentCreationStatus();
            AccountAssignmentOperationStatus created = terraform.describeAccountAssignmentCreationStatus(b -> b
                    .instanceArn(instance).accountAssignmentCreationRequestId(started.requestId()))
                    .accountAssignmentCreationStatus();
            assertThat(created.status()).isEqualTo(StatusValues.SUCCEEDED);
            assertThat(created.failureReason()).isNull();
            assertThat(findAssignment(set, principal.id(), principal.type())).singleElement().satisfies(read -> {
                assertThat(read.accountId()).isEqualTo(ACCOUNT);
                assertThat(read.permissionSetArn()).isEqualTo(set);
            });
        }

        // Refresh of both.
        assertThat(findAssignment(set, userId, PrincipalType.USER)).hasSize(1);
        assertThat(findAssignment(set, groupId, PrincipalType.GROUP)).hasSize(1);

        // An update of the permission set now provisioned to the account: UpdatePermissionSet, then provisioning to
        // all provisioned accounts succeeds and the account is listed as provisioned.
        terraform.updatePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).sessionDuration("PT2H"));
        provisionAllAccounts(set);
        assertThat(terraform.listAccountsForProvisionedPermissionSetPaginator(b -> b.instanceArn(instance)
                .permissionSetArn(set)).accountIds().stream().toList()).containsExactly(ACCOUNT);

        // terraform destroy, in dependency order: the user's assignment (delete, poll the deletion status until
        // SUCCEEDED; the destroy check's finder no longer sees it while the group's stays), the group's, then the
        // permission set.
        destroyAssignment(set, userId, PrincipalType.USER);
        assertThat(findAssignment(set, userId, PrincipalType.USER)).isEmpty();
        assertThat(findAssignment(set, groupId, PrincipalType.GROUP)).hasSize(1);
        destroyAssignment(set, groupId, PrincipalType.GROUP);
        assertThat(findAssignment(set, groupId, PrincipalType.GROUP)).isEmpty();
        terraform.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
        assertThatThrownBy(() -> readPermissionSet(set)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> findAssignment(set, groupId, PrincipalType.GROUP))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private void destroyAssignment(String set, String principalId, PrincipalType type) {
        AccountAssignmentOperationStatus deleting = terraform.deleteAccountAssignment(b -> b.instanceArn(instance)
                .permissionSetArn(set).principalId(principalId).principalType(type).targetId(ACCOUNT)
                .targetType(TargetType.AWS_ACCOUNT)).accountAssignmentDeletionStatus();
        AccountAssignmentOperationStatus deleted = terraform.describeAccountAssignmentDeletionStatus(b -> b
                .instanceArn(instance).accountAssignmentDeletionRequestId(deleting.requestId()))
                .accountAssignmentDeletionStatus();
        assertThat(deleted.status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(deleted.principalId()).isEqualTo(principalId);
        assertThat(deleted.failureReason()).isNull();
    }

    private record Principal(String id, PrincipalType type) {
    }
}
