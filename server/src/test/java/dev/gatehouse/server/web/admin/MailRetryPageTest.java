package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.server.config.SmtpConfig;
import dev.gatehouse.server.mail.MailQueue;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server is down when a user is created: the activation mail waits for its next try on /admin/mail (never
 * showing the link) and in /metrics; when the mail server is up and the try is due, the mail arrives and its link
 * works.
 */
class MailRetryPageTest {

    private static final String TOKEN = "metrics-token-for-mail-tests-0123";
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/activate\\?token=gha_[A-Za-z0-9_-]+");

    @TempDir
    Path dataDir;
    private int smtpPort;
    private GreenMail smtp;
    private WebTestServer server;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        server = WebTestServer.withSmtpAndMetricsToken(dataDir, new SmtpConfig("127.0.0.1", smtpPort,
                "sso@example.com", null, null, false), TOKEN);
        ServerWithAdmin.createActiveUser(server, ServerWithAdmin.ADMIN, true);
    }

    @AfterEach
    void stop() {
        server.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void createUserWhenTheMailServerIsDownThenTheMailWaitsOnTheConsoleAndArrivesWhenItIsUpAgain() throws Exception {
        Browser admin = server.newBrowser();
        assertThat(admin.signIn(ServerWithAdmin.ADMIN, "/admin").statusCode()).isEqualTo(303);
        MailQueue queue = server.services.mailQueue();

        HttpResponse<String> created = submit(admin, "/admin/users", "userName", "new.hire", "givenName", "New",
                "familyName", "Hire", "displayName", "", "email", "new.hire@example.com");
        assertThat(Html.text(created.body(), "notice")).contains("mailed to new.hire@example.com");
        assertThat(queue.awaitUntil(entries -> entries.size() == 1
                && entries.getFirst().state() == MailQueue.State.WAITING_TO_RETRY, Duration.ofSeconds(30))).isTrue();

        HttpResponse<String> page = admin.get("/admin/mail");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"mail-queue\"", "<td>new.hire@example.com</td>",
                        "<td>Activate your account</td>", "Waiting to be tried again",
                        ">2025-06-02T09:01:00Z<")   // one minute after the failure
                .contains("href=\"/admin/users/new.hire\"").doesNotContain("token=");
        assertThat(Html.text(admin.get("/admin").body(), "undelivered-mail")).isEqualTo("1");
        assertThat(scrape()).contains("gatehouse_mail_queue{state=\"waiting_to_retry\"} 1.0");

        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server.clock.advance(Duration.ofMinutes(1));

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        assertThat(queue.awaitUntil(entries -> entries.isEmpty(), Duration.ofSeconds(10))).isTrue();
        assertThat(admin.get("/admin/mail").body()).contains("id=\"no-mail\"");
        assertThat(scrape()).contains("gatehouse_mail_queue{state=\"waiting_to_retry\"} 0.0");
        String link = link(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]));
        URI uri = URI.create(link);
        assertThat(server.newBrowser().get(uri.getRawPath() + "?" + uri.getRawQuery()).body())
                .contains("Choose a password for <strong>new.hire</strong>");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.address("/metrics"))).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> submit(Browser browser, String path, String... namesAndValues) {
        Map<String, String> form = Browser.form(namesAndValues);
        form.put("csrf", Browser.hidden(browser.get("/admin"), "csrf"));
        return browser.post(path, form);
    }

    /** The link in a mail's text part (quoted-printable may wrap it: joined first). */
    private static String link(String body) {
        Matcher matcher = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group();
    }
}
