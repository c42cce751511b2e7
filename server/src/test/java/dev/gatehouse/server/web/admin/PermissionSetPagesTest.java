package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionSetPagesTest extends ServerWithAdmin {

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
            }""";

    private static HttpResponse<String> create(Browser admin, String name, String inlinePolicy, String tags) {
        return submit(admin, "/admin/permission-sets", "name", name, "description", "Build and ship",
                "sessionDuration", "PT4H", "managedPolicies", "PowerUserAccess\nReadOnlyAccess",
                "inlinePolicy", inlinePolicy, "relayState", "https://console.example.com/", "tags", tags);
    }

    @Test
    void createPermissionSetWithEverySettingThenItsPageShowsThemForEditing() {
        Browser admin = admin();

        HttpResponse<String> created = create(admin, "PowerUserAccess", POLICY, "team=platform\ncost-centre=42");
        HttpResponse<String> page = admin.get(Browser.location(created));

        assertThat(Browser.location(created)).isEqualTo(
                "/admin/permission-sets/PowerUserAccess?notice=permission-set-created");
        PermissionSet set = server.services.core().accessModel().permissionSet("PowerUserAccess");
        assertThat(set.sessionDuration()).isEqualTo(Duration.ofHours(4));
        assertThat(set.managedPolicies()).containsExactly("PowerUserAccess", "ReadOnlyAccess");
        assertThat(set.inlinePolicy()).isEqualTo(POLICY);
        assertThat(set.tags()).isEqualTo(Map.of("team", "platform", "cost-centre", "42"));
        assertThat(set.relayState()).isEqualTo("https://console.example.com/");
        assertThat(text(page, "role-name")).isEqualTo(set.roleName());
        assertThat(text(page, "permission-set-arn")).isEqualTo(set.permissionSetArn());
        assertThat(Html.attribute(page.body(), "sessionDuration", "value")).isEqualTo("PT4H");
        assertThat(page.body()).contains("cost-centre=42\nteam=platform</textarea>",
                "PowerUserAccess\nReadOnlyAccess</textarea>", "\"s3:GetObject\"");
        assertThat(admin.get("/admin/permission-sets").body()).contains(">PowerUserAccess<", ">PT4H<");
        assertThat(events("CreatePermissionSet")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void inlinePolicyWithAJsonErrorThenTheErrorNamesTheLineBesideTheTextareaAndKeepsWhatWasTyped() {
        String broken = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": }\n  ]\n}";

        HttpResponse<String> refused = create(admin(), "Broken", broken, "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "inlinePolicy-error")).startsWith(
                "inlinePolicy is not a valid policy: the policy is not valid JSON at line 4, column")
                .contains("(line 4 reads: {\"Effect\": })");
        assertThat(Html.tag(refused.body(), "inlinePolicy")).contains("aria-invalid=\"true\"",
                "aria-describedby=\"inlinePolicy-error inlinePolicy-hint\"");
        assertThat(refused.body()).contains("{\"Effect\": }\n  ]\n}</textarea>");
        assertThat(Html.attribute(refused.body(), "name", "value")).isEqualTo("Broken");
        assertThat(server.services.store().permissionSets().findByName("Broken")).isEmpty();
    }

    @Test
    void otherSettingErrorsAreShownBesideTheirFields() {
        HttpResponse<String> noStatement = create(admin(), "NoStatement", "{\"Version\": \"2012-10-17\"}", "");
        HttpResponse<String> badName = create(admin(), "Has Space", "", "");
        HttpResponse<String> badTag = create(admin(), "BadTag", "", "team=platform\njust-a-word");
        HttpResponse<String> badDuration = submit(admin(), "/admin/permission-sets", "name", "Long",
                "sessionDuration", "PT13H");

        assertThat(text(noStatement, "inlinePolicy-error"))
                .isEqualTo("inlinePolicy is not a valid policy: the policy has no Statement");
        assertThat(text(badName, "name-error")).contains("must be 1-32 characters");
        assertThat(text(badTag, "tags-error")).isEqualTo("tags are key=value, one per line; line 2 is 'just-a-word'");
        assertThat(text(badDuration, "sessionDuration-error"))
                .isEqualTo("sessionDuration must be between PT1H and PT12H");
    }

    @Test
    void createWhenNameTakenThenErrorBesideTheName() {
        create(admin(), "Twice", "", "");

        HttpResponse<String> again = create(admin(), "TWICE", "", "");

        assertThat(text(again, "name-error")).isEqualTo("PermissionSet 'TWICE' already exists");
    }

    @Test
    void editChangesEverySettingButTheNameAndIsAudited() {
        Browser admin = admin();
        create(admin, "Editable", POLICY, "team=platform");
        String roleName = server.services.core().accessModel().permissionSet("Editable").roleName();

        HttpResponse<String> saved = submit(admin, "/admin/permission-sets/Editable", "description", "Narrower",
                "sessionDuration", "PT8H", "managedPolicies", "ViewOnlyAccess", "inlinePolicy", "",
                "relayState", "", "tags", "team=security");

        assertThat(Browser.location(saved)).isEqualTo("/admin/permission-sets/Editable?notice=permission-set-saved");
        PermissionSet set = server.services.core().accessModel().permissionSet("Editable");
        assertThat(set.description()).isEqualTo("Narrower");
        assertThat(set.sessionDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(set.managedPolicies()).containsExactly("ViewOnlyAccess");
        assertThat(set.inlinePolicy()).isNull();
        assertThat(set.relayState()).isNull();
        assertThat(set.tags()).isEqualTo(Map.of("team", "security"));
        assertThat(set.roleName()).isEqualTo(roleName);
        assertThat(events("UpdatePermissionSet")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("sessionDuration", "PT8H")
                    .containsEntry("inlinePolicyChanged", true);
        });
    }

    @Test
    void editWithAnInvalidInlinePolicyThenNothingChangesAndTheLineIsNamed() {
        Browser admin = admin();
        create(admin, "Guarded", POLICY, "");

        HttpResponse<String> refused = submit(admin, "/admin/permission-sets/Guarded", "sessionDuration", "PT2H",
                "inlinePolicy", "{\n\"Statement\": [\n,\n]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "inlinePolicy-error")).contains("at line 3");
        assertThat(Html.attribute(refused.body(), "sessionDuration", "value")).isEqualTo("PT2H");
        PermissionSet unchanged = server.services.core().accessModel().permissionSet("Guarded");
        assertThat(unchanged.sessionDuration()).isEqualTo(Duration.ofHours(4));
        assertThat(unchanged.inlinePolicy()).isEqualTo(POLICY);
    }

    @Test
    void deletePermissionSetAsksFirstThenDeletesIt() {
        Browser admin = admin();
        create(admin, "Gone", "", "");

        HttpResponse<String> confirmation = admin.get("/admin/permission-sets/Gone/delete");
        HttpResponse<String> deleted = submit(admin, "/admin/permission-sets/Gone/delete");

        assertThat(text(confirmation, "question")).isEqualTo("Delete the permission set Gone?");
        assertThat(Browser.location(deleted)).isEqualTo("/admin/permission-sets?notice=permission-set-deleted");
        assertThat(server.services.store().permissionSets().findByName("Gone")).isEmpty();
        assertThat(events("DeletePermissionSet")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void inlinePolicyThePolicyEngineRefusesThenItsMessageNamingTheStatementBesideTheTextarea() {
        String typo = """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Typo", "Effect": "Alow", "Action": "s3:GetObject", "Resource": "*"}]}""";

        HttpResponse<String> refused = create(admin(), "Typo", typo, "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "inlinePolicy-error")).isEqualTo(
                "inlinePolicy is not a valid policy: Statement[0] (Sid Typo): Effect must be Allow or Deny, "
                        + "not \"Alow\"");
        assertThat(server.services.store().permissionSets().findByName("Typo")).isEmpty();
    }

    @Test
    void unknownManagedPolicyThenErrorBesideTheFieldListingTheBundledOnes() {
        HttpResponse<String> refused = submit(admin(), "/admin/permission-sets", "name", "S3Admins",
                "sessionDuration", "PT1H", "managedPolicies", "ReadOnlyAccess\nAmazonS3FullAccess");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "managedPolicies-error")).isEqualTo("managedPolicies: unknown AWS managed policy "
                + "'AmazonS3FullAccess'; Gatehouse has AdministratorAccess, PowerUserAccess, ReadOnlyAccess, "
                + "ViewOnlyAccess");
        assertThat(server.services.store().permissionSets().findByName("S3Admins")).isEmpty();
    }

    @Test
    void permissionsBoundaryIsSetShownRemovedAndRefusedWhenUnknown() {
        Browser admin = admin();
        HttpResponse<String> created = submit(admin, "/admin/permission-sets", "name", "Capped",
                "sessionDuration", "PT1H", "managedPolicies", "PowerUserAccess",
                "permissionsBoundary", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");

        assertThat(server.services.core().accessModel().permissionSet("Capped").permissionsBoundary())
                .isEqualTo("ViewOnlyAccess");
        assertThat(Html.attribute(admin.get(Browser.location(created)).body(), "permissionsBoundary", "value"))
                .isEqualTo("ViewOnlyAccess");

        HttpResponse<String> unknown = submit(admin, "/admin/permission-sets/Capped", "sessionDuration", "PT1H",
                "managedPolicies", "PowerUserAccess", "permissionsBoundary", "MyBoundary");
        assertThat(text(unknown, "permissionsBoundary-error")).startsWith("permissionsBoundary: unknown AWS managed "
                + "policy");
        assertThat(server.services.core().accessModel().permissionSet("Capped").permissionsBoundary())
                .isEqualTo("ViewOnlyAccess");

        submit(admin, "/admin/permission-sets/Capped", "sessionDuration", "PT1H", "managedPolicies",
                "PowerUserAccess", "permissionsBoundary", "");
        assertThat(server.services.core().accessModel().permissionSet("Capped").permissionsBoundary()).isNull();
    }

    @Test
    void permissionSetPageLinksToSimulateWithItsName() {
        Browser admin = admin();
        create(admin, "Simulated", "", "");

        assertThat(Html.attribute(admin.get("/admin/permission-sets/Simulated").body(), "simulate-permission-set",
                "href")).isEqualTo("/admin/simulate?permissionSet=Simulated");
    }
}
