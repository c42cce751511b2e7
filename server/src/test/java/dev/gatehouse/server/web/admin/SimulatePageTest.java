package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatePageTest extends ServerWithAdmin {

    @BeforeAll
    static void edHoldsReadOnlyInSimDev() {
        accountAndPermissionSet("210987654321", "sim-dev", "SimReadOnly");
        server.services.core().accessModel().assign("sim-dev", "SimReadOnly", PrincipalType.USER, DEVELOPER,
                Actor.administratorCli(), SETUP);
    }

    private static HttpResponse<String> asEd(Browser admin, String permissionSet, String action) {
        return submit(admin, "/admin/simulate", "as", "user", "user", DEVELOPER, "account", "sim-dev",
                "permissionSet", permissionSet, "action", action, "resource", "", "context", "");
    }

    @Test
    void simulatePageIsInTheNavAndTakesThePermissionSetFromTheLink() {
        HttpResponse<String> page = admin().get("/admin/simulate?permissionSet=SimReadOnly");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<a href=\"/admin/simulate\" aria-current=\"page\">Simulate</a>");
        assertThat(Html.attribute(page.body(), "permissionSet", "value")).isEqualTo("SimReadOnly");
        assertThat(Html.attribute(page.body(), "resource", "value")).isEqualTo("*");
        assertThat(Html.tag(page.body(), "as-user")).contains(" checked");
        assertThat(Html.has(page.body(), "result")).isFalse();
    }

    @Test
    void asAUserThenTheVerdictWithTheDecidingStatementAndContext() {
        Browser admin = admin();

        HttpResponse<String> allowed = asEd(admin, "SimReadOnly", "s3:GetObject");
        HttpResponse<String> denied = asEd(admin, "SimReadOnly", "s3:PutObject");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(text(allowed, "verdict")).isEqualTo("allow");
        assertThat(text(allowed, "deciding-statement")).startsWith("ReadOnlyAccess Statement[");
        assertThat(allowed.body()).contains("<code>aws:username=ed.developer</code>");
        assertThat(text(denied, "verdict")).isEqualTo("deny (implicit)");
        assertThat(text(denied, "deciding-statement")).isEqualTo("none");
        assertThat(text(denied, "reason")).contains("no statement allows");
        assertThat(Html.attribute(denied.body(), "action", "value")).isEqualTo("s3:PutObject");
    }

    @Test
    void asAUserWithoutThatPermissionSetThenTheErrorBesideThePermissionSet() {
        HttpResponse<String> refused = submit(admin(), "/admin/simulate", "as", "user", "user", ADMIN,
                "account", "210987654321", "permissionSet", "SimReadOnly", "action", "s3:GetObject");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused, "permissionSet-error")).startsWith("SimReadOnly is not assigned to ann.admin in "
                + "account 210987654321 (sim-dev)");
        assertThat(Html.has(refused.body(), "result")).isFalse();
    }

    @Test
    void withPoliciesAnExplicitDenyInTheInlinePolicyWins() {
        String denyProd = """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoProd","Effect":"Deny","Action":"s3:*",
                  "Resource":"arn:aws:s3:::prod-*"}]}""";

        HttpResponse<String> page = submit(admin(), "/admin/simulate", "as", "policies", "managedPolicies",
                "PowerUserAccess", "inlinePolicy", denyProd, "action", "s3:GetObject",
                "resource", "arn:aws:s3:::prod-ledger/2026.csv");

        assertThat(text(page, "verdict")).isEqualTo("deny (explicit)");
        assertThat(text(page, "deciding-statement")).isEqualTo("inline Statement[0] (Sid NoProd)");
        assertThat(Html.tag(page.body(), "as-policies")).contains(" checked");
    }

    @Test
    void withPoliciesErrorsLandBesideTheirFields() {
        Browser admin = admin();

        HttpResponse<String> badPolicy = submit(admin, "/admin/simulate", "as", "policies", "inlinePolicy",
                "{\n\"Statement\": [\n,\n]}", "action", "s3:GetObject");
        HttpResponse<String> badAction = submit(admin, "/admin/simulate", "as", "policies", "managedPolicies",
                "ViewOnlyAccess", "action", "GetObject");
        HttpResponse<String> badBoundary = submit(admin, "/admin/simulate", "as", "policies", "managedPolicies",
                "ViewOnlyAccess", "permissionsBoundary", "Nope", "action", "s3:GetObject");

        assertThat(text(badPolicy, "inlinePolicy-error")).contains("at line 3");
        assertThat(text(badAction, "action-error")).isEqualTo("action must be service:Action, e.g. s3:GetObject, "
                + "not 'GetObject'");
        assertThat(text(badBoundary, "permissionsBoundary-error")).contains("unknown AWS managed policy 'Nope'");
    }

    @Test
    void simulateWithoutTheSessionsCsrfTokenIsRefused() {
        HttpResponse<String> forged = admin().post("/admin/simulate", Browser.form("as", "policies",
                "managedPolicies", "AdministratorAccess", "action", "s3:GetObject", "csrf", "forged"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Html.has(forged.body(), "result")).isFalse();
    }

    @Test
    void simulatingChangesNothingSoNothingIsAudited() {
        Browser admin = admin();
        int before = allEvents();

        asEd(admin, "SimReadOnly", "s3:GetObject");

        assertThat(allEvents()).isEqualTo(before);
    }

    private static int allEvents() {
        return server.services.core().auditQueries().find(new AuditQuery(null, null, null, null, 1000)).size();
    }
}
