package dev.gatehouse.server.scim;

import static dev.gatehouse.server.scim.ScimClient.fixture;
import static dev.gatehouse.server.scim.ScimClient.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.scim.ScimClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SCIM Users over real HTTP: what Entra ID and Okta send, and what they read back. */
class ScimUsersApiTest {

    private static final RequestContext SETUP = RequestContext.commandLine("scim-test");

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer(config -> config.toBuilder()
            .mfa(MfaPolicy.DEFAULT.withMode(MfaPolicy.Mode.ALWAYS).withoutDevice(MfaPolicy.WithoutDevice.ALLOW))
            .build());

    private static ScimClient scim;

    @BeforeAll
    static void token() {
        scim = new ScimClient(gatehouse, core().scimTokens().create(Actor.administratorCli(), SETUP).value());
    }

    private static CoreServices core() {
        return gatehouse.services().core();
    }

    private static String filter(String filter) {
        return "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    @Test
    void whenUserIsCreatedThenGetAndFilterByUserNameAnyCaseFindIt() {
        Answer created = scim.post("/Users", user("ann.create"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/scim+json"));
        String id = created.body().path("id").asText();
        assertThat(created.response().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/scim/v2/Users/" + id));
        Answer got = scim.get("/Users/" + id);
        assertThat(got.body().path("userName").asText()).isEqualTo("ann.create");
        assertThat(got.body().path("externalId").asText()).isEqualTo("ext-ann.create");
        assertThat(got.body().path("emails").path(0).path("value").asText()).isEqualTo("ann.create@example.com");
        Answer filtered = scim.get(filter("userName eq \"ANN.CREATE\""));
        assertThat(filtered.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(filtered.body().path("Resources").path(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void whenFilterCombinesOperatorsThenOnlyMatchingUsersAreListed() {
        scim.post("/Users", user("flt.alpha"));
        scim.post("/Users", user("flt.beta"));
        scim.post("/Users", user("other.gamma"));

        Answer answer = scim.get(filter("(userName sw \"flt.\" and not (userName ew \"beta\")) or "
                + "externalId eq \"ext-other.gamma\""));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("Resources").findValuesAsText("userName"))
                .containsExactlyInAnyOrder("flt.alpha", "other.gamma");
        assertThat(scim.get(filter("emails.value co \"flt.beta@\"")).body().path("totalResults").asInt())
                .isEqualTo(1);
    }

    @Test
    void whenListIsPagedThenStartIndexAndCountSliceAndTotalResultsCountsAll() {
        for (int i = 0; i < 5; i++) {
            scim.post("/Users", user("page.user" + i));
        }

        Answer page = scim.get(filter("userName sw \"page.\"").concat("&startIndex=2&count=2"));

        assertThat(page.body().path("totalResults").asInt()).isEqualTo(5);
        assertThat(page.body().path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.body().path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.body().path("Resources").findValuesAsText("userName"))
                .containsExactly("page.user1", "page.user2");
        assertThat(scim.get("/Users?count=1000").body().path("itemsPerPage").asInt()).isLessThanOrEqualTo(100);
    }

    @Test
    void whenUserNameIsTakenInAnyCaseThenConflictWithUniqueness() {
        scim.post("/Users", user("dup.user"));

        Answer answer = scim.post("/Users", user("DUP.user"));

        assertScimError(answer, 409, "uniqueness");
    }

    @Test
    void whenFilterHasUnknownAttributeOrOperatorThenInvalidFilter() {
        assertScimError(scim.get(filter("password eq \"x\"")), 400, "invalidFilter");
        assertScimError(scim.get(filter("userName like \"x\"")), 400, "invalidFilter");
        assertScimError(scim.get(filter("(userName eq \"x\"")), 400, "invalidFilter");
    }

    @Test
    void whenEntraDisablesUserWithReplaceFalseThenTheLiveSessionEnds() {
        String id = scim.post("/Users", user("live.session")).body().path("id").asText();
        String password = "Corr3ct-Horse-Battery!";
        core().activations().setPassword(core().activations().issue("live.session", Actor.administratorCli(),
                SETUP), password.toCharArray(), SETUP);
        core().passwordStep().signIn("live.session", password.toCharArray(), SETUP);
        assertThat(core().sessions().activeSessionsOf(id)).hasSize(1);

        Answer patched = scim.patch("/Users/" + id, fixture("entra-disable-user.json"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("active").asBoolean()).isFalse();
        assertThat(core().sessions().activeSessionsOf(id)).isEmpty();
    }

    @Test
    void whenEntraCreatesAndPatchesWithoutPathThenAttributesChangeAndExtensionIsAccepted() {
        Answer created = scim.post("/Users", fixture("entra-create-user.json"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();

        Answer patched = scim.patch("/Users/" + id, fixture("entra-update-user-pathless.json"));

        assertThat(patched.status()).isEqualTo(200);
        JsonNode user = scim.get("/Users/" + id).body();
        assertThat(user.path("displayName").asText()).isEqualTo("Updated Display");
        assertThat(user.path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(user.path("emails").path(0).path("value").asText()).isEqualTo("updatedEmail@microsoft.com");
        assertThat(user.path("active").asBoolean()).isTrue();
    }

    @Test
    void whenOktaDeactivatesWithPutThenUserIsInactiveAndSignInIsRefused() {
        Answer created = scim.post("/Users", fixture("okta-create-user.json"));
        String id = created.body().path("id").asText();
        assertThat(created.body().path("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");

        Answer put = scim.put("/Users/" + id, fixture("okta-deactivate-user-put.json", "USER_ID", id));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("active").asBoolean()).isFalse();
        assertThat(core().identityStore().userById(id).enabled()).isFalse();
        assertThat(scim.get(filter("active eq false and userName eq \"test.user@okta.local\""))
                .body().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void whenUserIsDeletedThenGetIsNotFoundInScimFormat() {
        String id = scim.post("/Users", user("gone.user")).body().path("id").asText();

        Answer deleted = scim.delete("/Users/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertScimError(scim.get("/Users/" + id), 404, null);
    }

    @Test
    void whenPatchChangesIdOrUsesUnknownPathThenMutabilityOrInvalidPath() {
        String id = scim.post("/Users", user("immutable.user")).body().path("id").asText();

        assertScimError(scim.patch("/Users/" + id, """
                {"Operations":[{"op":"replace","path":"id","value":"other"}]}"""), 400, "mutability");
        assertScimError(scim.patch("/Users/" + id, """
                {"Operations":[{"op":"replace","path":"shoeSize","value":"42"}]}"""), 400, "invalidPath");
        assertScimError(scim.patch("/Users/" + id, """
                {"Operations":[{"op":"move","path":"active","value":false}]}"""), 400, "invalidSyntax");
    }

    @Test
    void whenDiscoveryEndpointsAreReadThenTheyDescribeUsersGroupsAndLimits() {
        Answer config = scim.get("/ServiceProviderConfig");
        assertThat(config.body().path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.body().path("filter").path("maxResults").asInt()).isEqualTo(100);
        assertThat(scim.get("/ResourceTypes").body().path("Resources").findValuesAsText("endpoint"))
                .containsExactly("/Users", "/Groups");
        assertThat(scim.get("/Schemas").body().path("totalResults").asInt()).isEqualTo(3);
    }

    static void assertScimError(Answer answer, int status, String scimType) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body().path("schemas").path(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(answer.body().path("status").isTextual()).isTrue();
        assertThat(answer.body().path("status").asText()).isEqualTo(String.valueOf(status));
        if (scimType == null) {
            assertThat(answer.body().has("scimType")).isFalse();
        } else {
            assertThat(answer.body().path("scimType").asText()).isEqualTo(scimType);
        }
        assertThat(answer.response().headers().firstValue("x-amzn-ErrorType")).isPresent();
    }
}
