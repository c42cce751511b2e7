package dev.gatehouse.server.scim;

import static dev.gatehouse.server.scim.ScimClient.fixture;
import static dev.gatehouse.server.scim.ScimClient.user;
import static dev.gatehouse.server.scim.ScimUsersApiTest.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.scim.ScimClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SCIM Groups over real HTTP: membership changes as Okta and Entra ID send them. */
class ScimGroupsApiTest {

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();

    private static ScimClient scim;

    @BeforeAll
    static void token() {
        scim = new ScimClient(gatehouse, gatehouse.services().core().scimTokens()
                .create(Actor.administratorCli(), RequestContext.commandLine("scim-test")).value());
    }

    private static String userId(String userName) {
        return scim.post("/Users", user(userName)).body().path("id").asText();
    }

    private static String group(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        Answer created = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","externalId":"x-%s",
                 "members":[%s]}""".formatted(displayName, displayName, members));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    @Test
    void whenGroupIsCreatedWithMembersThenGetShowsThemAndFilterFindsIt() {
        String ann = userId("grp.ann");
        String id = group("Engineers", ann);

        Answer got = scim.get("/Groups/" + id);

        assertThat(got.body().path("members").findValuesAsText("value")).containsExactly(ann);
        assertThat(got.body().path("externalId").asText()).isEqualTo("x-Engineers");
        Answer filtered = scim.get("/Groups?excludedAttributes=members&filter="
                + URLEncoder.encode("displayName eq \"engineers\"", StandardCharsets.UTF_8));
        assertThat(filtered.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(filtered.body().path("Resources").path(0).has("members")).isFalse();
    }

    @Test
    void whenOktaAddsAndRemovesMemberByValueFilterThenMembershipFollows() {
        String bob = userId("grp.bob");
        String id = group("Okta Group");

        Answer added = scim.patch("/Groups/" + id, fixture("okta-add-member.json", "MEMBER_ID", bob));
        assertThat(added.status()).isEqualTo(200);
        assertThat(gatehouse.services().core().identityStore().members("Okta Group")).extracting("userId")
                .containsExactly(bob);

        Answer removed = scim.patch("/Groups/" + id, fixture("okta-remove-member.json", "MEMBER_ID", bob));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(gatehouse.services().core().identityStore().members("Okta Group")).isEmpty();
    }

    @Test
    void whenEntraRemovesMemberWithValueListThenOnlyThatMemberLeaves() {
        String carl = userId("grp.carl");
        String dora = userId("grp.dora");
        String id = group("Entra Group", carl, dora);

        Answer removed = scim.patch("/Groups/" + id, fixture("entra-remove-member.json", "MEMBER_ID", carl));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(scim.get("/Groups/" + id).body().path("members").findValuesAsText("value"))
                .containsExactly(dora);
    }

    @Test
    void whenPutReplacesMembersThenTheGroupHoldsExactlyThose() {
        String eve = userId("grp.eve");
        String fred = userId("grp.fred");
        String id = group("Put Group", eve);

        Answer put = scim.put("/Groups/" + id, """
                {"displayName":"Put Group","members":[{"value":"%s"}]}""".formatted(fred));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("members").findValuesAsText("value")).containsExactly(fred);
    }

    @Test
    void whenAGroupIsAddedAsAMemberThenItIsNestedListedAsGroupAndFoundByMemberFilter() {
        String gina = userId("grp.gina");
        String inner = group("Inner Team", gina);
        String outer = group("Outer Org");

        Answer added = scim.patch("/Groups/" + outer, fixture("okta-add-member.json", "MEMBER_ID", inner));

        assertThat(added.status()).isEqualTo(200);
        JsonNode member = added.body().path("members").path(0);
        assertThat(member.path("value").asText()).isEqualTo(inner);
        assertThat(member.path("type").asText()).isEqualTo("Group");
        assertThat(member.path("display").asText()).isEqualTo("Inner Team");
        assertThat(member.path("$ref").asText()).endsWith("/scim/v2/Groups/" + inner);
        Answer filtered = scim.get("/Groups?filter="
                + URLEncoder.encode("members.value eq \"" + inner + "\"", StandardCharsets.UTF_8));
        assertThat(filtered.body().path("Resources").findValuesAsText("displayName")).containsExactly("Outer Org");
        assertThat(gatehouse.services().core().identityStore().nestedGroups("Outer Org"))
                .extracting("displayName").containsExactly("Inner Team");
        JsonNode ginasGroups = scim.get("/Users/" + gina).body().path("groups");
        assertThat(ginasGroups.findValuesAsText("display")).containsExactly("Inner Team", "Outer Org");
        assertThat(ginasGroups.findValuesAsText("type")).containsExactly("direct", "indirect");

        Answer removed = scim.patch("/Groups/" + outer, fixture("okta-remove-member.json", "MEMBER_ID", inner));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("members").isEmpty()).isTrue();
    }

    @Test
    void whenANestingWouldCloseACycleThenInvalidValueAndNothingChanges() {
        String top = group("Cycle Top");
        String middle = group("Cycle Middle");
        assertThat(scim.patch("/Groups/" + top, fixture("okta-add-member.json", "MEMBER_ID", middle)).status())
                .isEqualTo(200);

        Answer cycle = scim.patch("/Groups/" + middle, fixture("okta-add-member.json", "MEMBER_ID", top));
        Answer itself = scim.put("/Groups/" + top, """
                {"displayName":"Cycle Top","members":[{"value":"%s"},{"value":"%s"}]}""".formatted(middle, top));

        assertScimError(cycle, 400, "invalidValue");
        assertThat(cycle.body().path("detail").asText()).contains("cycle");
        assertScimError(itself, 400, "invalidValue");
        assertThat(scim.get("/Groups/" + middle).body().path("members").isEmpty()).isTrue();
        assertThat(scim.get("/Groups/" + top).body().path("members").findValuesAsText("value"))
                .containsExactly(middle);
    }

    @Test
    void whenGroupNameIsTakenOrMemberUnknownOrRenameAskedThenScimErrors() {
        String id = group("Taken");

        assertScimError(scim.post("/Groups", "{\"displayName\":\"taken\"}"), 409, "uniqueness");
        assertScimError(scim.patch("/Groups/" + id, """
                {"Operations":[{"op":"add","path":"members","value":[{"value":"no-such-user"}]}]}"""),
                400, "invalidValue");
        assertScimError(scim.patch("/Groups/" + id, """
                {"Operations":[{"op":"replace","path":"displayName","value":"Renamed"}]}"""), 400, "mutability");
    }

    @Test
    void whenPatchNamesTooManyMembersThenRefusedBeforeAnyChange() {
        String id = group("Crowd");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            members.append(i == 0 ? "" : ",").append("{\"value\":\"u").append(i).append("\"}");
        }

        Answer answer = scim.patch("/Groups/" + id,
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + members + "]}]}");

        assertScimError(answer, 400, "invalidSyntax");
    }

    @Test
    void whenGroupIsDeletedThenItIsGone() {
        String id = group("Doomed");

        assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
        assertScimError(scim.get("/Groups/" + id), 404, null);
    }
}
