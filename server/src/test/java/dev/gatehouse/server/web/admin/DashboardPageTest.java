package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.instance.Instance;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DashboardPageTest extends ServerWithAdmin {

    @Test
    void dashboardShowsTheInstanceAndTheSettingsForConfigureSso() {
        Instance instance = server.services.instance();

        HttpResponse<String> page = admin().get("/admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page, "start-url")).isEqualTo(instance.portalUrl());
        assertThat(text(page, "region")).isEqualTo("us-east-1");
        assertThat(text(page, "identity-store-id")).isEqualTo(instance.identityStoreId()).startsWith("d-");
        assertThat(text(page, "instance-arn")).isEqualTo(instance.instanceArn()).startsWith("arn:aws:sso:::instance/");
        assertThat(text(page, "configure-sso")).contains("SSO start URL [None]: " + instance.portalUrl(),
                "SSO region [None]: us-east-1", "SSO registration scopes [sso:account:access]: sso:account:access");
        assertThat(text(page, "endpoint-settings")).contains("AWS_ENDPOINT_URL_SSO_OIDC="
                + server.services.config().http().publicUrl());
        assertThat(text(page,
                "user-count")).isEqualTo(String.valueOf(server.services.core().identityStore().countUsers()));
    }

    @Test
    void dashboardShowsTheManagementAccountTheFirstCreatedUntilOneIsChosen() {
        var accounts = server.services.core().accessModel();
        var management = server.services.core().managementAccount();
        accounts.createAccount("900000000001", "Management", "root@example.com", Actor.administratorCli(), SETUP);
        accounts.createAccount("900000000002", "Platform", "platform@example.com", Actor.administratorCli(), SETUP);
        String first = management.account().orElseThrow().accountId();

        HttpResponse<String> byDefault = admin().get("/admin");
        assertThat(text(byDefault, "management-account")).startsWith(first + " (");
        assertThat(byDefault.body()).contains("id=\"management-account-default\"");

        management.choose("Platform", Actor.administratorCli(), SETUP);
        try {
            HttpResponse<String> chosen = admin().get("/admin");
            assertThat(text(chosen, "management-account")).isEqualTo("900000000002 (Platform)");
            assertThat(chosen.body()).doesNotContain("id=\"management-account-default\"");
        } finally {
            management.choose(null, Actor.administratorCli(), SETUP);
        }
    }

    @Test
    void consolePagesHaveLabelledNavigationAndMarkTheCurrentSection() {
        HttpResponse<String> page = admin().get("/admin/groups");

        assertThat(page.body()).contains("<nav class=\"admin-nav\" aria-label=\"Admin console\">",
                "<a href=\"/admin/groups\" aria-current=\"page\">Groups</a>", "<a href=\"/admin/users\">Users</a>",
                "<a class=\"skip-link\" href=\"#main\">").doesNotContain("<script", "style=");
    }
}
