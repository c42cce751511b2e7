package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.model.PrincipalType;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AccountListTest extends ServerWithEdsAccounts {

    @Test
    void startListsEachAccountWithNameIdEmailAndTheRolesHeldThere() {
        HttpResponse<String> page = signedInAs("ed.developer").get("/start");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(account(page, "Development")).contains(DEVELOPMENT, "aws+dev@example.com",
                "PowerUserAccess", "ReadOnlyAccess");
        assertThat(account(page, "Production")).contains(PRODUCTION, "aws+prod@example.com", "ReadOnlyAccess")
                .doesNotContain("PowerUserAccess");
        assertThat(page.body()).doesNotContain("Sandbox", SANDBOX);
    }

    @Test
    void eachRoleLinksToItsAccessKeys() {
        HttpResponse<String> page = signedInAs("ed.developer").get("/start");

        assertThat(page.body()).contains(
                "href=\"/start/credentials?account_id=111122223333&amp;role_name=PowerUserAccess\"",
                "href=\"/start/credentials?account_id=111122223333&amp;role_name=ReadOnlyAccess\"",
                "href=\"/start/credentials?account_id=444455556666&amp;role_name=ReadOnlyAccess\"");
    }

    @Test
    void eachRoleHasCommandLineSettingsWithTheInstancesStartUrlAndRegion() {
        HttpResponse<String> page = signedInAs("ed.developer").get("/start");
        String startUrl = server.services.instance().portalUrl();
        String endpoint = server.services.config().publicUrl();

        assertThat(text(page, "sso-start-url")).isEqualTo(startUrl);
        assertThat(text(page, "sso-region")).isEqualTo("us-east-1");
        assertThat(text(page, "role-111122223333-PowerUserAccess-command")).isEqualTo(
                "gatehouse configure sso --sso-session gatehouse --start-url " + startUrl + " --region us-east-1"
                        + " --account-id 111122223333 --role-name PowerUserAccess"
                        + " --profile PowerUserAccess-111122223333 --endpoint-url " + endpoint);
        assertThat(text(page, "role-111122223333-PowerUserAccess-config")).contains(
                "[profile PowerUserAccess-111122223333]\nsso_session = gatehouse\nsso_account_id = 111122223333\n"
                        + "sso_role_name = PowerUserAccess\nregion = us-east-1\nservices = gatehouse\n",
                "[sso-session gatehouse]\nsso_start_url = " + startUrl + "\nsso_region = us-east-1\n",
                "[services gatehouse]\nsso_oidc =\n  endpoint_url = " + endpoint + "\n");
    }

    @Test
    void searchFiltersByNameInAnyCase() {
        HttpResponse<String> page = signedInAs("ed.developer").get("/start?q=PROD");

        assertThat(page.body()).contains(PRODUCTION, "value=\"PROD\"").doesNotContain(DEVELOPMENT);
    }

    @Test
    void searchFiltersByAccountId() {
        HttpResponse<String> page = signedInAs("ed.developer").get("/start?q=1111");

        assertThat(page.body()).contains(DEVELOPMENT).doesNotContain(PRODUCTION);
    }

    @Test
    void searchWithoutMatchSaysSoAndNeverShowsAccountsNotHeld() {
        Browser browser = signedInAs("ed.developer");

        assertThat(browser.get("/start?q=nothing-like-it").body()).contains("No account matches")
                .doesNotContain(DEVELOPMENT, PRODUCTION);
        assertThat(browser.get("/start?q=Sandbox").body()).doesNotContain(SANDBOX);
    }

    @Test
    void deepLinkQuerySelectsThatRoleOnly() {
        HttpResponse<String> page = signedInAs("ed.developer")
                .get("/start?account_id=111122223333&role_name=PowerUserAccess");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Selected role", "class=\"role selected\" id=\"role-111122223333-PowerUserAccess\"")
                .doesNotContain(PRODUCTION);
        assertThat(page.body()).containsOnlyOnce("class=\"role selected\"").containsOnlyOnce("<details class=\"settings\" open>");
    }

    @Test
    void deepLinkToARoleNotHeldSaysSoAndListsTheAccounts() {
        HttpResponse<String> page = signedInAs("ed.developer")
                .get("/start?account_id=444455556666&role_name=PowerUserAccess");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("You have no role “PowerUserAccess” in account 444455556666.",
                DEVELOPMENT, PRODUCTION).doesNotContain("class=\"role selected\"");
    }

    @Test
    void deepLinkWhenSignedOutComesBackToTheRoleAfterSignIn() {
        Browser browser = server.newBrowser();

        HttpResponse<String> response = browser.get("/start?account_id=111122223333&role_name=PowerUserAccess");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response))
                .isEqualTo("/signin?next=/start?account_id=111122223333%26role_name=PowerUserAccess");
        HttpResponse<String> signedIn = browser.signIn("ed.developer",
                "/start?account_id=111122223333&role_name=PowerUserAccess");
        assertThat(location(signedIn)).isEqualTo("/start?account_id=111122223333&role_name=PowerUserAccess");
    }

    @Test
    void manyAccountsArePagedAndSearchKeepsToTheMatches() {
        server.createActiveUser("many.accounts");
        for (int i = 0; i < 60; i++) {
            String id = String.format("9000000000%02d", i);
            server.services.accessModel().createAccount(id, "Tenant " + i, "t" + i + "@example.com", ADMIN, SETUP);
            server.services.accessModel().assign(id, "ReadOnlyAccess", PrincipalType.USER, "many.accounts", ADMIN,
                    SETUP);
        }
        Browser browser = signedInAs("many.accounts");

        HttpResponse<String> first = browser.get("/start");
        HttpResponse<String> second = browser.get(nextPage(first));

        assertThat(count(first, "<li class=\"account\">")).isEqualTo(50);
        assertThat(first.body()).contains("900000000000", "900000000049").doesNotContain("900000000050");
        assertThat(count(second, "<li class=\"account\">")).isEqualTo(10);
        assertThat(second.body()).contains("900000000050", "900000000059", "First page");
        assertThat(second.body()).doesNotContain("rel=\"next\"");
        HttpResponse<String> searched = browser.get("/start?q=tenant+5");
        assertThat(count(searched, "<li class=\"account\">")).isEqualTo(11);
        assertThat(searched.body()).doesNotContain("rel=\"next\"");
    }

    @Test
    void navigationOffersTheAdminConsoleOnlyToAdministrators() {
        createActiveAdministrator("ada.admin");

        assertThat(signedInAs("ed.developer").get("/start").body()).contains("href=\"/start/sessions\"")
                .doesNotContain("Admin console");
        assertThat(signedInAs("ada.admin").get("/start").body()).contains("<a href=\"/admin\">Admin console</a>");
    }

    @Test
    void someoneWithoutRolesIsToldHowAccessIsGiven() {
        server.createActiveUser("new.starter");

        assertThat(signedInAs("new.starter").get("/start").body()).contains("You have no role in any account yet");
    }

    private static Browser signedInAs(String userName) {
        Browser browser = server.newBrowser();
        browser.signIn(userName, "/start");
        return browser;
    }

    /** The markup of one account's list item, found by its name. */
    private static String account(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("<li class=\"account\">\\s*<h2>" + Pattern.quote(name) + "</h2>(.*?)</ul>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(m.find()).as("account %s on the page", name).isTrue();
        return m.group(1);
    }

    private static String nextPage(HttpResponse<String> page) {
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">").matcher(page.body());
        assertThat(m.find()).as("a next-page link").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static int count(HttpResponse<String> page, String needle) {
        return page.body().split(Pattern.quote(needle), -1).length - 1;
    }
}
