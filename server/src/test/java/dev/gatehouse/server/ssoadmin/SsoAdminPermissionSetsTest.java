package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.errorType;
import static dev.gatehouse.server.ssoadmin.SsoAdminCalls.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.server.RunningServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sso-admin's instance and permission-set operations, with tags, over HTTP, decided by the caller's policies. */
class SsoAdminPermissionSetsTest {

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();
    private static final SsoAdminCalls sso = new SsoAdminCalls(gatehouse);

    private static Created admin;
    private static Created viewer;
    private static String instance;

    @BeforeAll
    static void credentials() {
        admin = sso.credential("AdministratorAccess");
        viewer = sso.credential("ViewOnlyAccess");
        instance = sso.instanceArn();
    }

    private static String create(String name) throws Exception {
        return sso.ok(admin, "CreatePermissionSet", Map.of("InstanceArn", instance, "Name", name,
                "SessionDuration", "PT2H", "Tags", List.of(Map.of("Key", "team", "Value", "ops"))))
                .get("PermissionSet").get("PermissionSetArn").asText();
    }

    @Test
    void listInstancesAndDescribeInstanceShowTheOneOrganizationInstance() throws Exception {
        JsonNode listed = sso.ok(viewer, "ListInstances", Map.of());
        JsonNode described = sso.ok(viewer, "DescribeInstance", Map.of("InstanceArn", instance));

        assertThat(listed.get("Instances")).hasSize(1);
        assertThat(listed.get("Instances").get(0).get("InstanceArn").asText()).isEqualTo(instance);
        assertThat(listed.get("Instances").get(0).get("IdentityStoreId").asText())
                .isEqualTo(gatehouse.services().instance().identityStoreId());
        assertThat(described.get("Status").asText()).isEqualTo("ACTIVE");
        assertThat(described.has("OwnerAccountId")).isFalse();

        gatehouse.services().core().accessModel().createAccount("123412341234", "Management", "m@example.com",
                Actor.administratorCli(), SsoAdminCalls.SETUP);
        assertThat(sso.ok(viewer, "DescribeInstance", Map.of("InstanceArn", instance)).get("OwnerAccountId")
                .asText()).isEqualTo("123412341234");
        assertThat(sso.ok(viewer, "ListInstances", Map.of()).get("Instances").get(0).get("OwnerAccountId")
                .asText()).isEqualTo("123412341234");
    }

    @Test
    void createInstanceIsAConflictAndDeleteInstanceIsDeniedAsForAnOrganizationInstance() throws Exception {
        HttpResponse<String> created = sso.call(admin, "CreateInstance", Map.of("Name", "second"));
        HttpResponse<String> deleted = sso.call(admin, "DeleteInstance", Map.of("InstanceArn", instance));

        assertThat(errorType(created)).isEqualTo("ConflictException");
        assertThat(errorType(deleted)).isEqualTo("AccessDeniedException");
        assertThat(sso.ok(viewer, "ListInstances", Map.of()).get("Instances")).hasSize(1);
    }

    @Test
    void updateInstanceAcceptsAnAwsOwnedKeyAndRefusesACustomerManagedOne() throws Exception {
        sso.ok(admin, "UpdateInstance", Map.of("InstanceArn", instance,
                "EncryptionConfiguration", Map.of("KeyType", "AWS_OWNED_KMS_KEY")));
        HttpResponse<String> kms = sso.call(admin, "UpdateInstance", Map.of("InstanceArn", instance,
                "EncryptionConfiguration", Map.of("KeyType", "CUSTOMER_MANAGED_KEY")));

        assertThat(errorType(kms)).isEqualTo("ValidationException");
    }

    @Test
    void createDescribeUpdateAndDeleteAPermissionSetAuditedAsSsoAdmin() throws Exception {
        String arn = create("Deployers");
        sso.ok(admin, "UpdatePermissionSet", Map.of("InstanceArn", instance, "PermissionSetArn", arn,
                "Description", "ships releases", "RelayState", "https://console.example/"));
        JsonNode described = sso.ok(viewer, "DescribePermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", arn)).get("PermissionSet");

        assertThat(arn).startsWith("arn:aws:sso:::permissionSet/" + gatehouse.services().instance().instanceId()
                + "/ps-");
        assertThat(described.get("Name").asText()).isEqualTo("Deployers");
        assertThat(described.get("Description").asText()).isEqualTo("ships releases");
        assertThat(described.get("SessionDuration").asText()).isEqualTo("PT2H");
        assertThat(described.get("CreatedDate").isNumber()).isTrue();

        sso.ok(admin, "DeletePermissionSet", Map.of("InstanceArn", instance, "PermissionSetArn", arn));
        HttpResponse<String> gone = sso.call(viewer, "DescribePermissionSet", Map.of("InstanceArn", instance,
                "PermissionSetArn", arn));
        assertThat(errorType(gone)).isEqualTo("ResourceNotFoundException");
        assertThat(gatehouse.services().core().auditQueries().find(AuditQuery.all())).anySatisfy(event -> {
            assertThat(event.eventName()).isEqualTo("DeletePermissionSet");
            assertThat(event.eventSource()).isEqualTo("sso.amazonaws.com");
            assertThat(event.userName()).isEqualTo(admin.credential().name());
        });
    }

    @Test
    void aDuplicateNameIsAConflictAndAnOutOfBoundsDurationAValidationException() throws Exception {
        create("Twice");
        HttpResponse<String> twice = sso.call(admin, "CreatePermissionSet", Map.of("InstanceArn", instance,
                "Name", "Twice"));
        HttpResponse<String> tooLong = sso.call(admin, "CreatePermissionSet", Map.of("InstanceArn", instance,
                "Name", "Long", "SessionDuration", "PT13H"));
        HttpResponse<String> badName = sso.call(admin, "CreatePermissionSet", Map.of("InstanceArn", instance,
                "Name", "no spaces allowed"));

        assertThat(errorType(twice)).isEqualTo("ConflictException");
        assertThat(errorType(tooLong)).isEqualTo("ValidationException");
        assertThat(errorType(badName)).isEqualTo("ValidationException");
        assertThat(message(badName)).contains("'Name'");
    }

    @Test
    void listPermissionSetsPagesWithAnOpaqueToken() throws Exception {
        for (String name : List.of("PageA", "PageB", "PageC")) {
            create(name);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> request = new HashMap<>(Map.of("InstanceArn", instance, "MaxResults", 1));
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode page = sso.ok(viewer, "ListPermissionSets", request);
            page.get("PermissionSets").forEach(arn -> seen.add(arn.asText()));
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(seen.size());
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        HttpResponse<String> forged = sso.call(viewer, "ListPermissionSets", Map.of("InstanceArn", instance,
                "NextToken", "Zm9yZ2Vk"));
        assertThat(errorType(forged)).isEqualTo("ValidationException");
    }

    @Test
    void tagsAreAddedListedAndRemovedOnAPermissionSet() throws Exception {
        String arn = create("Tagged");
        sso.ok(admin, "TagResource", Map.of("InstanceArn", instance, "ResourceArn", arn,
                "Tags", List.of(Map.of("Key", "cost-center", "Value", "42"))));
        sso.ok(admin, "UntagResource", Map.of("InstanceArn", instance, "ResourceArn", arn,
                "TagKeys", List.of("team")));

        JsonNode tags = sso.ok(viewer, "ListTagsForResource", Map.of("InstanceArn", instance, "ResourceArn", arn))
                .get("Tags");
        assertThat(tags).hasSize(1);
        assertThat(tags.get(0).get("Key").asText()).isEqualTo("cost-center");
        assertThat(tags.get(0).get("Value").asText()).isEqualTo("42");
        assertThat(sso.ok(viewer, "ListTagsForResource", Map.of("ResourceArn", instance)).get("Tags")).isEmpty();
    }

    @Test
    void aViewOnlyCallerListsButMayNotChangeAndTheRefusalIsAudited() throws Exception {
        sso.ok(viewer, "ListPermissionSets", Map.of("InstanceArn", instance));
        HttpResponse<String> denied = sso.call(viewer, "CreatePermissionSet", Map.of("InstanceArn", instance,
                "Name", "Sneaky"));

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(errorType(denied)).isEqualTo("AccessDeniedException");
        assertThat(message(denied)).contains("sso:CreatePermissionSet").contains(instance);
        assertThat(gatehouse.services().core().auditQueries().find(AuditQuery.all())).anySatisfy(event -> {
            assertThat(event.eventName()).isEqualTo("CreatePermissionSet");
            assertThat(event.eventSource()).isEqualTo("sso.amazonaws.com");
            assertThat(event.errorCode()).isNotNull();
        });
    }

    @Test
    void anotherInstanceIsNotFoundAndAMalformedArnIsAValidationException() throws Exception {
        HttpResponse<String> other = sso.call(viewer, "ListPermissionSets", Map.of("InstanceArn",
                "arn:aws:sso:::instance/ssoins-0000000000000000"));
        HttpResponse<String> malformed = sso.call(viewer, "ListPermissionSets", Map.of("InstanceArn", "ssoins-1"));

        assertThat(errorType(other)).isEqualTo("ResourceNotFoundException");
        assertThat(errorType(malformed)).isEqualTo("ValidationException");
    }

    @Test
    void anOperationLeftForLaterWorkIsAnUnknownOperationAndAnUnsignedCallIsRefused() throws Exception {
        HttpResponse<String> application = sso.call(admin, "CreateApplication", Map.of("InstanceArn", instance));
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gatehouse.uri("/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "SWBExternalService.ListInstances")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(errorType(application)).isEqualTo("UnknownOperationException");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(errorType(unsigned)).isEqualTo("MissingAuthenticationTokenException");
    }
}
