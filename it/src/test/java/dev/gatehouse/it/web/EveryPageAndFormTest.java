package dev.gatehouse.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.it.Browser;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance E for every page a signed-in administrator can reach by following links (the portal and the admin
 * console) and every form on them: each page carries the security headers, and each form refuses a missing or a
 * wrong CSRF token without changing anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageAndFormTest {

    private static final String ADMIN = "ada.admin";
    private static final String ADMIN_PASSWORD = "Adm1n-Horse-Battery";

    @TempDir
    static Path dataDir;

    private RunningGatehouse gatehouse;
    private Browser browser;
    private PageCrawler crawler;

    @BeforeAll
    void crawlAsAnEntitledAdministrator() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().viaGroup("Developers")
                .createIn(gatehouse.services());
        var services = gatehouse.services();
        RequestContext context = RequestContext.commandLine("it-admin");
        People.createActive(services, new NewUser(ADMIN, "Ada Admin", "Ada", "Admin", "ada@example.com", true),
                ADMIN_PASSWORD);
        services.core().accessModel().assign(ed.accountId(), ed.roleName(), PrincipalType.USER, ADMIN, Entitlement.ADMIN,
                context);
        browser = new Browser(gatehouse.baseUrl());
        browser.signIn(ADMIN, ADMIN_PASSWORD, "/start");
        crawler = new PageCrawler(browser);
        crawler.crawl(List.of("/start", "/start/sessions", "/device", "/admin"), Set.of("/signout", "/signin"));
    }

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void theCrawlReachesThePortalAndTheConsole() {
        assertThat(crawler.pages().keySet()).contains("/start", "/start/sessions", "/admin")
                .anyMatch(path -> path.startsWith("/start/credentials?"))
                .anyMatch(path -> path.startsWith("/admin/users"))
                .anyMatch(path -> path.startsWith("/admin/groups"))
                .anyMatch(path -> path.startsWith("/admin/accounts"))
                .anyMatch(path -> path.startsWith("/admin/permission-sets"))
                .anyMatch(path -> path.startsWith("/admin/events"))
                .anyMatch(path -> path.startsWith("/admin/identity-source"))
                .anyMatch(path -> path.startsWith("/admin/scim"))
                .anyMatch(path -> path.startsWith("/admin/mail"));
        assertThat(crawler.pages()).allSatisfy((path, page) ->
                assertThat(page.statusCode()).as("GET %s:%n%s", path, page.body()).isIn(200, 303));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        assertThat(crawler.pages()).allSatisfy((path, page) -> {
            assertThat(page.headers().firstValue("Content-Security-Policy")).as("CSP of %s", path).get()
                    .asString().contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Frame-Options")).as("%s", path).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as("%s", path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).as("%s", path).hasValue("no-store");
        });
    }

    @Test
    void everyFormRefusesAMissingOrWrongCsrfTokenAndChangesNothing() {
        assertThat(crawler.forms()).as("forms found").hasSizeGreaterThan(20);
        int changesBefore = successfulChanges();
        for (PageCrawler.Form form : crawler.forms()) {
            assertThat(form.fields()).as("form to %s on %s", form.action(), form.foundOn()).containsKey("csrf");
            Map<String, String> missing = new java.util.HashMap<>();
            missing.put("csrf", null);
            for (Map<String, String> forged : List.of(missing, Map.of("csrf", "forged-" + form.fields().get("csrf")))) {
                HttpResponse<String> answer = browser.post(form.action(), form.with(forged), Map.of());
                assertThat(answer.statusCode()).as("POST %s from %s with csrf %s:%n%s", form.action(),
                        form.foundOn(), forged.get("csrf"), answer.body()).isEqualTo(403);
                assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            }
        }
        assertThat(successfulChanges()).as("audited changes after the forged posts").isEqualTo(changesBefore);
        assertThat(browser.get("/start").status()).as("still signed in").isEqualTo(200);
    }

    private int successfulChanges() {
        return (int) gatehouse.services().core().auditQueries().find(AuditQuery.all()).stream()
                .filter(event -> event.errorCode() == null).map(AuditEvent::eventId).count();
    }
}
