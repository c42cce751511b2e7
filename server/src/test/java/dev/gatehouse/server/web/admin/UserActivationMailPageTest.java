package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.server.config.SmtpConfig;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a mail server, the console mails a new user's activation link instead of showing it, and resends on demand. */
class UserActivationMailPageTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/activate\\?token=gha_[A-Za-z0-9_-]+");

    @TempDir
    Path dataDir;
    private GreenMail smtp;
    private WebTestServer server;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        server = WebTestServer.withSmtp(dataDir, new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(),
                "sso@example.com", null, null, false));
        ServerWithAdmin.createActiveUser(server, ServerWithAdmin.ADMIN, true);
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    @Test
    void createUserWhenSmtpIsConfiguredThenTheLinkIsMailedNotShownAndResendMailsAWorkingNewOne() {
        Browser admin = server.newBrowser();
        assertThat(admin.signIn(ServerWithAdmin.ADMIN, "/admin").statusCode()).isEqualTo(303);

        HttpResponse<String> created = submit(admin, "/admin/users", "userName", "new.hire", "givenName", "New",
                "familyName", "Hire", "displayName", "", "email", "new.hire@example.com");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(Html.text(created.body(), "notice"))
                .isEqualTo("The user was created. Their activation link was mailed to new.hire@example.com.");
        assertThat(created.body()).doesNotContain("token=gha_");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        String first = link(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]));

        HttpResponse<String> resent = submit(admin, "/admin/users/new.hire/activation-mail");

        assertThat(Html.text(resent.body(), "notice")).isEqualTo("A new activation link was mailed to "
                + "new.hire@example.com.");
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        String second = link(GreenMailUtil.getBody(smtp.getReceivedMessages()[1]));
        assertThat(second).isNotEqualTo(first);
        assertThat(open(first).body()).doesNotContain("Choose a password");   // the new link ended the first
        assertThat(open(second).body()).contains("Choose a password for <strong>new.hire</strong>");
    }

    private HttpResponse<String> open(String link) {
        URI uri = URI.create(link);
        return server.newBrowser().get(uri.getRawPath() + "?" + uri.getRawQuery());
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
