package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.PrincipalType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
        String endpoint = server.services.config().http().publicUrl();

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
        assertThat(page.body()).contains("Selected role",
                "class=\"role selected\" id=\"role-111122223333-PowerUserAccess\"")
                .doesNotContain(PRODUCTION);
        assertThat(page.body()).containsOnlyOnce("class=\"role selected\"")
                .containsOnlyOnce("<details class=\"settings\" open>");
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
    void manyAccountsArePagedAndSearchKeepsToTheMatchesAcrossPages() {
        server.createActiveUser("many.accounts");
        for (int i = 0; i < 230; i++) {
            String id = String.format("900000000%03d", i);
            server.services.core().accessModel().createAccount(id, "Tenant " + i, "t" + i + "@example.com", ADMIN,
                    SETUP);
            server.services.core().accessModel().assign(id, "ReadOnlyAccess", PrincipalType.USER, "many.accounts",
                    ADMIN,
                    SETUP);
        }
        Browser browser = signedInAs("many.accounts");

        List<HttpResponse<String>> all = pages(browser, "/start");
        List<HttpResponse<String>> searched = pages(browser, "/start?q=tenant+1");

        assertThat(all).extracting(AccountListTest::accountIds).extracting(List::size)
                .containsExactly(50, 50, 50, 50, 30);
        assertThat(all.stream().flatMap(p -> accountIds(p).stream()).toList())
                .isEqualTo(IntStream.range(0, 230).mapToObj(i -> String.format("900000000%03d", i)).toList());
        assertThat(all.getLast().body()).contains("First page").doesNotContain("rel=\"next\"");
        // Tenant 1, 10-19 and 100-199: three pages.
        assertThat(searched.stream().flatMap(p -> accountIds(p).stream()).toList()).hasSize(111)
                .doesNotHaveDuplicates().contains("900000000001", "900000000019", "900000000199")
                .doesNotContain("900000000002", "900000000200");
        assertThat(searched.getLast().body()).contains("value=\"tenant 1\"");
        // Tenant 22 and 220-229: one page, found in more than one read of accounts.
        assertThat(pages(browser, "/start?q=Tenant+22")).singleElement().extracting(AccountListTest::accountIds)
                .isEqualTo(List.of("900000000022", "900000000220", "900000000221", "900000000222", "900000000223",
                        "900000000224", "900000000225", "900000000226", "900000000227", "900000000228",
                        "900000000229"));
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

    /** The page at {@code path} and every page its next links lead to. */
    private static List<HttpResponse<String>> pages(Browser browser, String path) {
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (String next = path; next != null && pages.size() < 10; ) {
            HttpResponse<String> page = browser.get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            pages.add(page);
            Matcher m = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">").matcher(page.body());
            next = m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
        return pages;
    }

    private static List<String> accountIds(HttpResponse<String> page) {
        return Pattern.compile("<span class=\"account-id\">(\\d{12})</span>").matcher(page.body()).results()
                .map(r -> r.group(1)).toList();
    }
}
