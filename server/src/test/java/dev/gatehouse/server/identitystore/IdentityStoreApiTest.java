package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.scim.ScimPatch;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.http.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /} routed by X-Amz-Target to identitystore, and its callers decided by their policies. */
class IdentityStoreApiTest {

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RequestContext SETUP = RequestContext.commandLine("test");

    private static Created viewer;
    private static Created nobody;
    private static String storeId;

    @BeforeAll
    static void credentials() {
        viewer = gatehouse.services().core().serviceCredentials().create("viewer", List.of("ViewOnlyAccess"), null,
                Actor.administratorCli(), SETUP);
        nobody = gatehouse.services().core().serviceCredentials().create("nobody", Actor.administratorCli(), SETUP);
        storeId = gatehouse.services().instance().identityStoreId();
        gatehouse.services().core().identityStore().createUser(new NewUser("ann", null, "Ann", "Lee",
                "ann@example.com", false), Actor.administratorCli(), SETUP);
    }

    private static HttpResponse<String> call(Created caller, String operation, String body) throws Exception {
        return HTTP.send(SignedIdentityStoreCall.of(gatehouse.uri("/"), caller.credential().accessKeyId(),
                caller.secretAccessKey(), gatehouse.clock.instant(), operation, body),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> unsigned(String target, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatehouse.uri("/")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void listUsersWhenAllowedByViewOnlyAccessThenAnswersTheUsers() throws Exception {
        HttpResponse<String> response = call(viewer, "ListUsers", "{\"IdentityStoreId\":\"" + storeId + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-amz-json-1.1"));
        JsonNode user = json(response).get("Users").get(0);
        assertThat(user.get("UserName").asText()).isEqualTo("ann");
        assertThat(user.get("Emails").get(0).get("Value").asText()).isEqualTo("ann@example.com");
        assertThat(user.get("IdentityStoreId").asText()).isEqualTo(storeId);
    }

    @Test
    void createUserWhenThePolicyDoesNotAllowItThenAccessDenied() throws Exception {
        HttpResponse<String> response = call(viewer, "CreateUser", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"UserName\":\"bob\",\"Name\":{\"GivenName\":\"Bob\",\"FamilyName\":\"Ray\"}}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        assertThat(json(response).get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(json(response).get("Message").asText()).contains("identitystore:CreateUser");
        assertThat(gatehouse.services().core().auditQueries().find(AuditQuery.all()))
                .anySatisfy(event -> {
                    assertThat(event.eventName()).isEqualTo("CreateUser");
                    assertThat(event.eventSource()).isEqualTo("identitystore.amazonaws.com");
                    assertThat(event.errorCode()).isNotNull();
                    assertThat(event.userName()).isEqualTo("viewer");
                });
    }

    @Test
    void aCredentialWithoutPoliciesMayNotEvenList() throws Exception {
        HttpResponse<String> response = call(nobody, "ListUsers", "{\"IdentityStoreId\":\"" + storeId + "\"}");

        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
    }

    @Test
    void describeUserOfAnUnknownIdThenResourceNotFoundWithTypeAndId() throws Exception {
        String missing = "00000000-0000-0000-0000-000000000000";
        HttpResponse<String> response = call(viewer, "DescribeUser", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"UserId\":\"" + missing + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(error.get("ResourceType").asText()).isEqualTo("USER");
        assertThat(error.get("ResourceId").asText()).isEqualTo(missing);
    }

    @Test
    void updateGroupRenamesAndDescribesTheGroupAndAuditsIt() throws Exception {
        String groupId = gatehouse.services().core().identityStore().createGroup("Support", null,
                Actor.administratorCli(), SETUP).groupId();

        HttpResponse<String> response = call(administrator(), "UpdateGroup", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"GroupId\":\"" + groupId + "\",\"Operations\":[{\"AttributePath\":\"displayName\","
                + "\"AttributeValue\":\"Helpdesk\"},{\"AttributePath\":\"description\","
                + "\"AttributeValue\":\"first line\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(gatehouse.services().core().identityStore().groupById(groupId))
                .satisfies(group -> assertThat(group.displayName()).isEqualTo("Helpdesk"))
                .satisfies(group -> assertThat(group.description()).isEqualTo("first line"));
        assertThat(gatehouse.services().core().auditQueries().find(AuditQuery.all()))
                .anySatisfy(event -> {
                    assertThat(event.eventName()).isEqualTo("UpdateGroup");
                    assertThat(event.errorCode()).isNull();
                });
    }

    @Test
    void updateGroupOfAnAttributeAGroupHasNotIsAValidationExceptionAndChangesNothing() throws Exception {
        String groupId = gatehouse.services().core().identityStore().createGroup("Finance", null,
                Actor.administratorCli(), SETUP).groupId();

        HttpResponse<String> response = call(administrator(), "UpdateGroup", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"GroupId\":\"" + groupId + "\",\"Operations\":[{\"AttributePath\":\"displayName\","
                + "\"AttributeValue\":\"Money\"},{\"AttributePath\":\"name.givenName\","
                + "\"AttributeValue\":\"x\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(gatehouse.services().core().identityStore().groupById(groupId).displayName())
                .isEqualTo("Finance");
    }

    @Test
    void updateGroupOfAnUnknownIdThenResourceNotFoundWithTypeAndId() throws Exception {
        String missing = "00000000-0000-0000-0000-000000000001";
        HttpResponse<String> response = call(administrator(), "UpdateGroup", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"GroupId\":\"" + missing + "\",\"Operations\":[{\"AttributePath\":\"description\","
                + "\"AttributeValue\":\"x\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(error.get("ResourceType").asText()).isEqualTo("GROUP");
        assertThat(error.get("ResourceId").asText()).isEqualTo(missing);
    }

    @Test
    void externalIdsProvisionedOverScimAreShownAndLookedUp() throws Exception {
        var core = gatehouse.services().core();
        String userId = core.identityStore().createUser(new NewUser("sam", null, "Sam", "Ray", "sam@example.com",
                false), Actor.administratorCli(), SETUP).userId();
        core.scimUsers().patch(userId, List.of(new ScimPatch.Operation("replace", "externalId", "00u-okta-sam")),
                Actor.administratorCli(), SETUP);
        String groupId = core.identityStore().createGroup("Auditors", null, Actor.administratorCli(), SETUP)
                .groupId();
        core.scimGroups().patch(groupId, List.of(new ScimPatch.Operation("replace", "externalId", "00g-auditors")),
                Actor.administratorCli(), SETUP);
        String issuer = gatehouse.services().config().http().publicUrl() + "/scim/v2";

        JsonNode described = json(call(viewer, "DescribeUser", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"UserId\":\"" + userId + "\"}"));
        assertThat(described.get("ExternalIds").get(0).get("Issuer").asText()).isEqualTo(issuer);
        assertThat(described.get("ExternalIds").get(0).get("Id").asText()).isEqualTo("00u-okta-sam");

        JsonNode found = json(call(administrator(), "GetUserId", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"AlternateIdentifier\":{\"ExternalId\":{\"Issuer\":\"" + issuer
                + "\",\"Id\":\"00u-okta-sam\"}}}"));
        assertThat(found.get("UserId").asText()).isEqualTo(userId);
        JsonNode group = json(call(administrator(), "GetGroupId", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"AlternateIdentifier\":{\"ExternalId\":{\"Issuer\":\"" + issuer
                + "\",\"Id\":\"00g-auditors\"}}}"));
        assertThat(group.get("GroupId").asText()).isEqualTo(groupId);
        JsonNode listed = json(call(viewer, "ListGroups", "{\"IdentityStoreId\":\"" + storeId + "\"}"));
        assertThat(listed.get("Groups")).anySatisfy(g -> {
            assertThat(g.get("GroupId").asText()).isEqualTo(groupId);
            assertThat(g.get("ExternalIds").get(0).get("Id").asText()).isEqualTo("00g-auditors");
        });

        HttpResponse<String> otherIssuer = call(administrator(), "GetUserId", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"AlternateIdentifier\":{\"ExternalId\":{\"Issuer\":\"https://other.example\","
                + "\"Id\":\"00u-okta-sam\"}}}");
        assertThat(json(otherIssuer).get("__type").asText()).isEqualTo("ResourceNotFoundException");
    }

    private static Created administrator() {
        return gatehouse.services().core().serviceCredentials().create("admin-" + System.nanoTime(),
                List.of("AdministratorAccess"), null, Actor.administratorCli(), SETUP);
    }

    @Test
    void anotherIdentityStoreIsNotFound() throws Exception {
        HttpResponse<String> response = call(viewer, "ListGroups", "{\"IdentityStoreId\":\"d-0000000000\"}");

        assertThat(json(response).get("ResourceType").asText()).isEqualTo("IDENTITY_STORE");
    }

    @Test
    void aMemberOfTheWrongShapeIsAValidationException() throws Exception {
        HttpResponse<String> wrongType = call(viewer, "ListUsers", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"MaxResults\":\"ten\"}");
        HttpResponse<String> outOfBounds = call(viewer, "ListUsers", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"MaxResults\":101}");
        HttpResponse<String> badId = call(viewer, "DescribeUser", "{\"IdentityStoreId\":\"" + storeId
                + "\",\"UserId\":\"ann\"}");

        for (HttpResponse<String> response : List.of(wrongType, outOfBounds, badId)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("__type").asText()).isEqualTo("ValidationException");
        }
        assertThat(json(badId).get("Message").asText()).contains("'UserId'").doesNotContain("ann");
    }

    @Test
    void anUnknownTargetIsAnUnknownOperationInAwsJson() throws Exception {
        HttpResponse<String> response = unsigned("AWSIdentityStore.DescribeNothing", "application/x-amz-json-1.1",
                "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(json(response).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aJsonBodyWithoutTargetIsNotHandedToSts() throws Exception {
        HttpResponse<String> response = unsigned(null, "application/x-amz-json-1.1", "{}");

        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(response.body()).doesNotContain("<ErrorResponse");
    }

    @Test
    void aFormWithoutTargetStillReachesSts() throws Exception {
        HttpResponse<String> response = unsigned(null, "application/x-www-form-urlencoded",
                "Action=GetCallerIdentity&Version=2011-06-15");

        assertThat(response.body()).startsWith("<ErrorResponse");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationToken");
    }

    @Test
    void anUnsignedIdentityStoreCallIsRefusedBeforeItsBodyIsRead() throws Exception {
        HttpResponse<String> response = unsigned("AWSIdentityStore.ListUsers", "application/x-amz-json-1.1",
                "not json");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void aCallWhoseBodyWasChangedAfterSigningIsRefusedAsAnInvalidSignature() throws Exception {
        HttpRequest signed = SignedIdentityStoreCall.of(gatehouse.uri("/"), viewer.credential().accessKeyId(),
                viewer.secretAccessKey(), gatehouse.clock.instant(), "ListUsers",
                "{\"IdentityStoreId\":\"" + storeId + "\"}");
        HttpRequest.Builder tampered = HttpRequest.newBuilder(signed.uri()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"IdentityStoreId\":\"" + storeId + "\",\"MaxResults\":1}"));
        signed.headers().map().forEach((name, values) -> values.forEach(value -> tampered.header(name, value)));

        HttpResponse<String> response = HTTP.send(tampered.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(json(response).has("Users")).isFalse();
    }

    @Test
    void aCallSignedTwentyMinutesAgoIsRefusedAsAnInvalidSignature() throws Exception {
        HttpResponse<String> response = HTTP.send(SignedIdentityStoreCall.of(gatehouse.uri("/"),
                viewer.credential().accessKeyId(), viewer.secretAccessKey(),
                gatehouse.clock.instant().minus(Duration.ofMinutes(20)), "ListUsers",
                "{\"IdentityStoreId\":\"" + storeId + "\"}"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(json(response).has("Users")).isFalse();
    }
}
