package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventsPageTest extends ServerWithAdmin {

    @Test
    void eventsAreListedNewestFirstWithTheirCloudTrailRecord() {
        server.services.core().identityStore().createGroup("Listed", null, Actor.administratorCli(), SETUP);
        server.clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> page = admin().get("/admin/events");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("id=\"events\"", "<summary>CreateGroup</summary>",
                "\"eventSource\" : \"identitystore.amazonaws.com\"");
        // The admin's own sign-in happened after the group was created.
        assertThat(body.indexOf("<summary>UserAuthentication</summary>"))
                .isLessThan(body.indexOf("<summary>CreateGroup</summary>"));
    }

    @Test
    void filtersByEventNameUserAndSource() {
        Browser ed = server.newBrowser();
        ed.signIn(DEVELOPER, "/start");
        Browser admin = admin();

        HttpResponse<String> byName = admin.get("/admin/events?eventName=UserAuthentication&user=ed.developer");
        HttpResponse<String> bySource = admin.get("/admin/events?source=signin.amazonaws.com");
        HttpResponse<String> nothing = admin.get("/admin/events?eventName=NoSuchEvent");

        assertThat(byName.body()).contains("<summary>UserAuthentication</summary>", "<td>ed.developer</td>")
                .doesNotContain("<td>ann.admin</td>", "<summary>CreateUser</summary>");
        assertThat(Html.attribute(byName.body(), "eventName", "value")).isEqualTo("UserAuthentication");
        assertThat(bySource.body()).contains("<summary>UserAuthentication</summary>")
                .doesNotContain("<summary>CreateUser</summary>")
                .contains("<option value=\"signin.amazonaws.com\" selected>");
        assertThat(nothing.body()).contains("id=\"no-events\"");
    }

    @Test
    void filtersByTimeRangeInUtc() {
        server.clock.advance(Duration.ofDays(30));
        server.services.core().identityStore().createGroup("Later", null, Actor.administratorCli(), SETUP);
        String day = server.clock.instant().toString().substring(0, 10);
        Browser admin = admin();

        HttpResponse<String> thatDay = admin.get("/admin/events?eventName=CreateGroup&from=" + day + "&to=" + day);
        HttpResponse<String> before = admin.get("/admin/events?eventName=CreateGroup&to=" + day + "T00:00");

        assertThat(thatDay.body()).contains("<summary>CreateGroup</summary>", "Later");
        assertThat(before.body()).doesNotContain("Later");
    }

    @Test
    void malformedTimeIsShownBesideItsField() {
        HttpResponse<String> page = admin().get("/admin/events?from=yesterday");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page, "from-error")).startsWith("from must be a date and time");
        assertThat(Html.attribute(page.body(), "from", "value")).isEqualTo("yesterday");
    }

    @Test
    void pagesGoBackInTimeKeepingTheFilters() {
        for (int i = 0; i < EventsPage.PAGE_SIZE + 5; i++) {
            server.clock.advance(Duration.ofSeconds(1));
            server.services.core().identityStore().createGroup("Paged" + i, null, Actor.administratorCli(), SETUP);
        }
        Browser admin = admin();

        HttpResponse<String> first = admin.get(
                "/admin/events?eventName=CreateGroup&source=identitystore.amazonaws.com");
        String next = Html.attribute(first.body(), "next-page", "href");
        HttpResponse<String> second = admin.get(next);
        HttpResponse<String> forged = admin.get("/admin/events?next=not-a-token");

        assertThat(next).startsWith("/admin/events?eventName=CreateGroup&source=identitystore.amazonaws.com&next=");
        assertThat(first.body()).contains("Paged54").doesNotContain("Paged4\"");
        assertThat(second.body()).contains("Paged4\"").doesNotContain("Paged54");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(text(forged, "next-error")).startsWith("That page of events cannot be found");
    }

    @Test
    void showsOnePageWithLinksToTheOlderAndBackToTheNewerPages() {
        for (int i = 0; i < 2 * EventsPage.PAGE_SIZE + 5; i++) {
            server.clock.advance(Duration.ofSeconds(1));
            server.services.core().identityStore().createGroup("Walked" + i, null, Actor.administratorCli(), SETUP);
        }
        Browser admin = admin();

        HttpResponse<String> first = admin.get("/admin/events?eventName=CreateGroup");
        HttpResponse<String> second = admin.get(Html.attribute(first.body(), "next-page", "href"));
        HttpResponse<String> third = admin.get(Html.attribute(second.body(), "next-page", "href"));
        HttpResponse<String> backToSecond = admin.get(Html.attribute(third.body(), "previous-page", "href"));
        HttpResponse<String> backToFirst = admin.get(Html.attribute(backToSecond.body(), "previous-page", "href"));

        assertThat(first.body().split("<tr>", -1)).as("one page of rows, and the header")
                .hasSizeLessThanOrEqualTo(EventsPage.PAGE_SIZE + 2);
        assertThat(first.body()).contains("Walked104\"").doesNotContain("id=\"previous-page\"");
        assertThat(third.body()).contains("Walked4\"");
        assertThat(second.body()).contains("Walked54\"", "Walked5\"").doesNotContain("Walked55\"");
        assertThat(backToSecond.body()).contains("Walked54\"", "Walked5\"").doesNotContain("Walked55\"", "Walked4\"");
        assertThat(backToFirst.body()).contains("Walked104\"").doesNotContain("id=\"previous-page\"");
        assertThat(Html.attribute(backToFirst.body(), "next-page", "href"))
                .isEqualTo(Html.attribute(first.body(), "next-page", "href"));
    }
}
