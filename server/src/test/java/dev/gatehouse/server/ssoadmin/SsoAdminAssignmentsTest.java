package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.SETUP;
import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account assignments and provisioning through sso-admin: done at once, polled as SUCCEEDED, listed every way the
 * model lists them, and a deleted assignment ends its holder's sessions as the console's removal does.
 */
class SsoAdminAssignmentsTest {

    @TempDir
    static Path dataDir;
    static WebTestServer server;
    static SsoAdminCalls sso;
    static Created admin;
    static Created viewer;
    static String instance;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dataDir);
        sso = new SsoAdminCalls(() -> server.services, path -> URI.create(server.address(path)), server.clock);
        admin = sso.credential("AdministratorAccess");
        viewer = sso.credential("ViewOnlyAccess");
        instance = sso.instanceArn();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String permissionSet(String name) {
        return server.services.core().accessModel().createPermissionSet(new NewPermissionSet(name, null, "PT1H",
                List.of("ViewOnlyAccess"), null, null, null, Map.of()), Actor.administratorCli(), SETUP)
                .permissionSetArn();
    }

    private static String account(String id) {
        server.services.core().accessModel().createAccount(id, "Account " + id, id + "@example.com",
                Actor.administratorCli(), SETUP);
        return id;
    }

    private static String userId(String userName) {
        server.createActiveUser(userName);
        return server.services.core().identityStore().user(userName).userId();
    }

    private static Map<String, Object> assignment(String account, String set, String type, String principalId) {
        return new HashMap<>(Map.of("InstanceArn", instance, "TargetId", account, "TargetType", "AWS_ACCOUNT",
                "PermissionSetArn", set, "PrincipalType", type, "PrincipalId", principalId));
    }

    @Test
    void createAnAssignmentPollItsStatusAndFindItInEveryList() throws Exception {
        String set = permissionSet("Listed");
        String account = account("111100002222");
        String user = userId("lee.listed");

        JsonNode created = sso.ok(admin, "CreateAccountAssignment", assignment(account, set, "USER", user))
                .get("AccountAssignmentCreationStatus");
        String requestId = created.get("RequestId").asText();
        JsonNode polled = sso.ok(viewer, "DescribeAccountAssignmentCreationStatus", Map.of("InstanceArn", instance,
                "AccountAssignmentCreationRequestId", requestId)).get("AccountAssignmentCreationStatus");

        assertThat(created.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(polled.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(polled.get("PrincipalId").asText()).isEqualTo(user);
        assertThat(polled.get("TargetId").asText()).isEqualTo(account);
        assertThat(sso.ok(viewer, "ListAccountAssignments", Map.of("InstanceArn", instance, "AccountId", account,
                "PermissionSetArn", set)).get("AccountAssignments").get(0).get("PrincipalId").asText()).isEqualTo(user);
        assertThat(sso.ok(viewer, "ListAccountAssignmentsForPrincipal", Map.of("InstanceArn", instance,
                "PrincipalId", user, "PrincipalType", "USER")).get("AccountAssignments").get(0)
                .get("PermissionSetArn").asText()).isEqualTo(set);
        assertThat(sso.ok(viewer, "ListAccountsForProvisionedPermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", set)).get("AccountIds").get(0).asText()).isEqualTo(account);
        assertThat(sso.ok(viewer, "ListPermissionSetsProvisionedToAccount", Map.of("InstanceArn", instance,
                "AccountId", account)).get("PermissionSets").get(0).asText()).isEqualTo(set);
        assertThat(sso.ok(viewer, "ListAccountAssignmentCreationStatus", Map.of("InstanceArn", instance))
                .get("AccountAssignmentsCreationStatus").findValuesAsText("RequestId")).contains(requestId);
        assertThat(sso.ok(viewer, "ListAccountAssignmentCreationStatus", Map.of("InstanceArn", instance,
                "Filter", Map.of("Status", "IN_PROGRESS"))).get("AccountAssignmentsCreationStatus")).isEmpty();
    }

    @Test
    void accountsOfAPermissionSetComePagedInAccountOrderEachOnce() throws Exception {
        String set = permissionSet("Paged");
        String user = userId("pat.paged");
        String group = server.services.core().identityStore().createGroup("Paged readers", null,
                Actor.administratorCli(), SETUP).groupId();
        for (String account : List.of(account("111100007773"), account("111100007771"), account("111100007772"))) {
            sso.ok(admin, "CreateAccountAssignment", assignment(account, set, "USER", user));
        }
        sso.ok(admin, "CreateAccountAssignment", assignment("111100007771", set, "GROUP", group));
        account("111100007774");

        JsonNode first = sso.ok(viewer, "ListAccountsForProvisionedPermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", set, "MaxResults", 2));
        JsonNode second = sso.ok(viewer, "ListAccountsForProvisionedPermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", set, "MaxResults", 2, "NextToken", first.get("NextToken").asText()));

        assertThat(List.of(first.get("AccountIds").get(0).asText(), first.get("AccountIds").get(1).asText()))
                .containsExactly("111100007771", "111100007772");
        assertThat(second.get("AccountIds")).hasSize(1);
        assertThat(second.get("AccountIds").get(0).asText()).isEqualTo("111100007773");
        assertThat(second.has("NextToken")).isFalse();
    }

    @Test
    void assigningTwiceIsAConflictAndAnUnknownPrincipalIsNotFound() throws Exception {
        String set = permissionSet("Twice");
        String account = account("111100003333");
        String user = userId("tom.twice");
        sso.ok(admin, "CreateAccountAssignment", assignment(account, set, "USER", user));

        HttpResponse<String> again = sso.call(admin, "CreateAccountAssignment",
                assignment(account, set, "USER", user));
        HttpResponse<String> nobody = sso.call(admin, "CreateAccountAssignment",
                assignment(account, set, "USER", "00000000-0000-0000-0000-000000000000"));
        HttpResponse<String> badType = sso.call(admin, "CreateAccountAssignment",
                assignment(account, set, "ROBOT", user));

        assertThat(errorType(again)).isEqualTo("ConflictException");
        assertThat(errorType(nobody)).isEqualTo("ResourceNotFoundException");
        assertThat(errorType(badType)).isEqualTo("ValidationException");
        assertThat(server.services.core().accessModel().assignments(account)).hasSize(1);
    }

    @Test
    void deletingAnAssignmentEndsTheHoldersSessionsAsTheConsoleDoes() throws Exception {
        String set = permissionSet("Removed");
        String account = account("111100005554");
        String user = userId("rae.removed");
        sso.ok(admin, "CreateAccountAssignment", assignment(account, set, "USER", user));
        Browser rae = server.newBrowser();
        rae.signIn("rae.removed", "/start");
        assertThat(rae.get("/start").statusCode()).isEqualTo(200);

        JsonNode deleted = sso.ok(admin, "DeleteAccountAssignment", assignment(account, set, "USER", user))
                .get("AccountAssignmentDeletionStatus");

        assertThat(deleted.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(rae.get("/start").statusCode()).isEqualTo(303);
        assertThat(server.services.core().accessModel().assignments(account)).isEmpty();
        assertThat(sso.ok(viewer, "DescribeAccountAssignmentDeletionStatus", Map.of("InstanceArn", instance,
                "AccountAssignmentDeletionRequestId", deleted.get("RequestId").asText()))
                .get("AccountAssignmentDeletionStatus").get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(sso.ok(viewer, "ListAccountAssignmentDeletionStatus", Map.of("InstanceArn", instance))
                .get("AccountAssignmentsDeletionStatus")).hasSize(1);
        assertThat(server.services.core().auditQueries().find(AuditQuery.all())).anySatisfy(event -> {
            assertThat(event.eventName()).isEqualTo("DeleteAccountAssignment");
            assertThat(event.eventSource()).isEqualTo("sso.amazonaws.com");
            assertThat(event.userName()).isEqualTo(admin.credential().name());
        });
        HttpResponse<String> again = sso.call(admin, "DeleteAccountAssignment",
                assignment(account, set, "USER", user));
        assertThat(errorType(again)).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void provisioningSucceedsAtOnceAndItsStatusIsPolledAndListed() throws Exception {
        String set = permissionSet("Provisioned");
        String account = account("111100005555");

        JsonNode provisioned = sso.ok(admin, "ProvisionPermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", set, "TargetType", "AWS_ACCOUNT", "TargetId", account))
                .get("PermissionSetProvisioningStatus");
        JsonNode everywhere = sso.ok(admin, "ProvisionPermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", set, "TargetType", "ALL_PROVISIONED_ACCOUNTS"))
                .get("PermissionSetProvisioningStatus");
        JsonNode polled = sso.ok(viewer, "DescribePermissionSetProvisioningStatus", Map.of("InstanceArn", instance,
                "ProvisionPermissionSetRequestId", provisioned.get("RequestId").asText()))
                .get("PermissionSetProvisioningStatus");

        assertThat(polled.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(polled.get("AccountId").asText()).isEqualTo(account);
        assertThat(everywhere.has("AccountId")).isFalse();
        JsonNode first = sso.ok(viewer, "ListPermissionSetProvisioningStatus", Map.of("InstanceArn", instance,
                "MaxResults", 1));
        assertThat(first.get("PermissionSetsProvisioningStatus")).hasSize(1);
        assertThat(sso.ok(viewer, "ListPermissionSetProvisioningStatus", Map.of("InstanceArn", instance,
                "NextToken", first.get("NextToken").asText())).get("PermissionSetsProvisioningStatus")).hasSize(1);
        HttpResponse<String> otherKind = sso.call(viewer, "DescribeAccountAssignmentCreationStatus",
                Map.of("InstanceArn", instance, "AccountAssignmentCreationRequestId",
                        provisioned.get("RequestId").asText()));
        assertThat(errorType(otherKind)).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void aViewOnlyCallerMayNotAssign() throws Exception {
        String set = permissionSet("NotByViewer");
        String account = account("111100006666");
        String user = userId("vic.viewer");

        HttpResponse<String> denied = sso.call(viewer, "CreateAccountAssignment",
                assignment(account, set, "USER", user));

        assertThat(errorType(denied)).isEqualTo("AccessDeniedException");
        assertThat(server.services.core().accessModel().assignments(account)).isEmpty();
    }
}
