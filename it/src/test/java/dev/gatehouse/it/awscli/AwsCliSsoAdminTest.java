package dev.gatehouse.it.awscli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The unmodified AWS CLI 2.9.19 administers permission sets and assignments with a service credential, as a CI
 * job would (issue 15, acceptance A): {@code aws sso-admin …} reaches Gatehouse through the {@code AWS_DATA_PATH}
 * rule set; the user then gets the role's credentials, and deleting the assignment cuts them off.
 */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AwsCliSsoAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext SETUP = RequestContext.commandLine("it-awscli-ssoadmin");
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path serverDir;
    @TempDir
    Path home;

    private RunningGatehouse gatehouse;
    private AwsCli aws;
    private String instance;
    private String edId;

    @BeforeEach
    void start() throws IOException {
        gatehouse = RunningGatehouse.onH2(serverDir, MutableClock.startingNow());
        instance = gatehouse.services().instance().instanceArn();
        edId = gatehouse.services().core().identityStore().createUser(new NewUser("ed.developer", "Ed Developer",
                "Ed", "Developer", "ed@example.com", false), Entitlement.ADMIN, SETUP).userId();
        String activation = gatehouse.services().core().activations().issue("ed.developer", Entitlement.ADMIN, SETUP);
        gatehouse.services().core().activations().setPassword(activation, PASSWORD.toCharArray(), SETUP);
        gatehouse.services().core().accessModel().createAccount(ACCOUNT, "Development", "dev@example.com",
                Entitlement.ADMIN, SETUP);
        aws = AwsCli.forUser(home, gatehouse.baseUrl());
        aws.writeConfig("""
                [profile ci]
                region = us-east-1
                output = json
                """);
        Created ci = gatehouse.services().core().serviceCredentials().create("ci", List.of("AdministratorAccess"),
                null, Entitlement.ADMIN, SETUP);
        Files.writeString(home.resolve(".aws/credentials"), """
                [ci]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(ci.credential().accessKeyId(), ci.secretAccessKey()));
    }

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    private JsonNode ssoAdmin(String... args) throws IOException {
        String[] command = new String[args.length + 4];
        command[0] = "sso-admin";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--profile";
        command[args.length + 2] = "ci";
        command[args.length + 3] = "--no-cli-pager";
        String out = aws.run(command).assertSucceeded().stdout();
        return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
    }

    @Test
    void aPermissionSetIsBuiltAndAssignedAndTheAssignmentsDeletionCutsOffTheUser() throws Exception {
        String set = powerUserSetWithInlinePolicy("PowerUserAccess");
        assignAndAwaitSucceeded(set, "USER", edId);
        assertThat(ssoAdmin("list-managed-policies-in-permission-set", "--instance-arn", instance,
                "--permission-set-arn", set).get("AttachedManagedPolicies").findValuesAsText("Name"))
                .containsExactly("PowerUserAccess");

        assertRoleHeldUntilUnassigned("ed.developer", set, "USER", edId);
    }

    /** Acceptance A in one sequence: everything an administrator does here goes through the CLI. */
    @Test
    void aUserGroupAndAssignmentMadeWithTheCliGiveTheRoleUntilTheAssignmentIsDeleted() throws Exception {
        String annId = identityStore("create-user", "--user-name", "ann.api", "--display-name", "Ann Api",
                "--name", "GivenName=Ann,FamilyName=Api", "--emails", "Value=ann@example.com,Primary=true")
                .get("UserId").asText();
        String groupId = identityStore("create-group", "--display-name", "Platform").get("GroupId").asText();
        identityStore("create-group-membership", "--group-id", groupId, "--member-id", "UserId=" + annId);
        String set = powerUserSetWithInlinePolicy("Platform");
        assignAndAwaitSucceeded(set, "GROUP", groupId);
        // The one step outside the CLI: Ann sets her password through her activation link, as she would by mail.
        gatehouse.services().core().activations().setPassword(gatehouse.services().core().activations()
                .issue("ann.api", Entitlement.ADMIN, SETUP), PASSWORD.toCharArray(), SETUP);

        assertRoleHeldUntilUnassigned("ann.api", set, "GROUP", groupId);
    }

    private JsonNode identityStore(String... args) throws IOException {
        String[] command = new String[args.length + 6];
        command[0] = "identitystore";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--identity-store-id";
        command[args.length + 2] = gatehouse.services().instance().identityStoreId();
        command[args.length + 3] = "--profile";
        command[args.length + 4] = "ci";
        command[args.length + 5] = "--no-cli-pager";
        String out = aws.run(command).assertSucceeded().stdout();
        return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
    }

    /** A permission set with PowerUserAccess attached and an inline policy, as acceptance A builds it. */
    private String powerUserSetWithInlinePolicy(String name) throws IOException {
        String set = ssoAdmin("create-permission-set", "--instance-arn", instance, "--name", name,
                "--session-duration", "PT1H").get("PermissionSet").get("PermissionSetArn").asText();
        ssoAdmin("attach-managed-policy-to-permission-set", "--instance-arn", instance, "--permission-set-arn", set,
                "--managed-policy-arn", "arn:aws:iam::aws:policy/PowerUserAccess");
        ssoAdmin("put-inline-policy-to-permission-set", "--instance-arn", instance, "--permission-set-arn", set,
                "--inline-policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Action\":\"iam:*\",\"Resource\":\"*\"}]}");
        return set;
    }

    /** Assigns the set in the account, then polls the creation status as clients do. */
    private void assignAndAwaitSucceeded(String set, String principalType, String principalId) throws IOException {
        String requestId = ssoAdmin("create-account-assignment", "--instance-arn", instance,
                "--permission-set-arn", set, "--target-id", ACCOUNT, "--target-type", "AWS_ACCOUNT",
                "--principal-type", principalType, "--principal-id", principalId)
                .get("AccountAssignmentCreationStatus").get("RequestId").asText();
        assertThat(ssoAdmin("describe-account-assignment-creation-status", "--instance-arn", instance,
                "--account-assignment-creation-request-id", requestId).get("AccountAssignmentCreationStatus")
                .get("Status").asText()).isEqualTo("SUCCEEDED");
    }

    /** The user signs in and gets the role's credentials; deleting the assignment with the CLI refuses the next call. */
    private void assertRoleHeldUntilUnassigned(String userName, String set, String principalType, String principalId)
            throws Exception {
        Entitlement user = new Entitlement(gatehouse.services(), userName, PASSWORD, ACCOUNT, "Development",
                gatehouse.services().core().accessModel().permissionSet(set), null);
        try (DeviceLogin login = new DeviceLogin(gatehouse)) {
            RoleCredentials credentials = login.roleCredentials(login.logIn(user).accessToken(), user);
            login.callerIdentity(credentials);

            ssoAdmin("delete-account-assignment", "--instance-arn", instance, "--permission-set-arn", set,
                    "--target-id", ACCOUNT, "--target-type", "AWS_ACCOUNT", "--principal-type", principalType,
                    "--principal-id", principalId);

            assertThatThrownBy(() -> login.callerIdentity(credentials)).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void listPermissionSetsPaginatesWithMaxItems() throws Exception {
        for (String name : List.of("Alpha", "Beta")) {
            ssoAdmin("create-permission-set", "--instance-arn", instance, "--name", name);
        }

        JsonNode first = ssoAdmin("list-permission-sets", "--instance-arn", instance, "--max-items", "1",
                "--page-size", "1");
        JsonNode rest = ssoAdmin("list-permission-sets", "--instance-arn", instance, "--page-size", "1",
                "--starting-token", first.get("NextToken").asText());

        assertThat(first.get("PermissionSets")).hasSize(1);
        assertThat(rest.get("PermissionSets")).hasSize(1);
        assertThat(rest.get("PermissionSets").get(0).asText())
                .isNotEqualTo(first.get("PermissionSets").get(0).asText());
    }

    @Test
    void anInlinePolicyThePolicyEngineRefusesReadsAsAValidationException() throws Exception {
        String set = ssoAdmin("create-permission-set", "--instance-arn", instance, "--name", "Broken")
                .get("PermissionSet").get("PermissionSetArn").asText();

        CommandResult refused = aws.run("sso-admin", "put-inline-policy-to-permission-set", "--profile", "ci",
                "--instance-arn", instance, "--permission-set-arn", set, "--inline-policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}").assertFailed();

        assertThat(refused.stderr()).contains("ValidationException");
    }
}
