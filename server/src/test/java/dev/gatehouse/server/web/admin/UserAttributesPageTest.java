package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserAttributesPageTest extends ServerWithAdmin {

    @Test
    void saveAttributesThenTheyAreStoredAuditedByNameAndShownWithTheirTagKeys() {
        server.services.core().accessControlAttributes().setMapping(Map.of("team", "department"), Actor.administratorCli(),
                SETUP);

        HttpResponse<String> saved = submit(admin(), "/admin/users/" + DEVELOPER + "/attributes", "department",
                "Engineering", "costCenter", "CC-42");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Browser.location(saved)).isEqualTo("/admin/users/" + DEVELOPER + "?notice=user-saved");
        assertThat(server.services.core().accessControlAttributes().userAttributes(DEVELOPER))
                .containsEntry("department", "Engineering").containsEntry("costCenter", "CC-42");
        assertThat(events("UpdateUser")).anySatisfy(e -> assertThat(e.requestParameters().toString())
                .contains("department").doesNotContain("Engineering"));
        HttpResponse<String> form = admin().get("/admin/users/" + DEVELOPER + "/attributes");
        assertThat(Html.attribute(form.body(), "department", "value")).isEqualTo("Engineering");
        assertThat(text(form, "department-hint")).isEqualTo("Principal tag team.");
    }

    @Test
    void saveWhenAValueIsNoTagValueThenErrorBesideItAndNothingStored() {
        HttpResponse<String> refused = submit(admin(), "/admin/users/" + DEVELOPER + "/attributes", "title",
                "Boss!");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "title-error")).contains("title must be at most 256");
        assertThat(Html.attribute(refused.body(), "title", "value")).isEqualTo("Boss!");
        assertThat(server.services.core().accessControlAttributes().userAttributes(DEVELOPER)).doesNotContainKey("title");
    }
}
