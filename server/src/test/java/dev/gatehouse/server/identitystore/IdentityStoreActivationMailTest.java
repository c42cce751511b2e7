package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.config.SmtpConfig;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user created through the identitystore API, with a mail server, gets their activation link by mail. */
class IdentityStoreActivationMailTest {

    private static final GreenMail SMTP = startedSmtp();
    private static final Pattern LINK = Pattern.compile("/activate\\?token=(gha_[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer(config -> config.toBuilder()
            .smtp(new SmtpConfig("127.0.0.1", SMTP.getSmtp().getPort(), "sso@example.com", null, null, false))
            .build());

    private static GreenMail startedSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void createUserThenTheActivationLinkIsMailedToTheUsersAddress() throws Exception {
        Created admin = gatehouse.services().core().serviceCredentials().create("terraform",
                List.of("AdministratorAccess"), null, Actor.administratorCli(), RequestContext.commandLine("test"));
        String storeId = gatehouse.services().instance().identityStoreId();

        HttpResponse<String> withEmail = create(admin, "{\"IdentityStoreId\":\"" + storeId + "\",\"UserName\":"
                + "\"api.made\",\"Name\":{\"GivenName\":\"Api\",\"FamilyName\":\"Made\"},"
                + "\"Emails\":[{\"Value\":\"api.made@example.com\",\"Primary\":true}]}");

        assertThat(withEmail.statusCode()).as(withEmail.body()).isEqualTo(200);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("api.made@example.com");
        // The mailed link works: its token sets Ann's first password, once.
        Matcher link = LINK.matcher(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("=\r\n", "")
                .replace("=3D", "="));
        assertThat(link.find()).isTrue();
        gatehouse.services().core().activations().setPassword(link.group(1), "Corr3ct-Horse-Battery".toCharArray(),
                RequestContext.commandLine("test"));
        assertThat(gatehouse.services().core().identityStore().user("api.made").passwordHash()).isNotNull();
    }

    private static HttpResponse<String> create(Created caller, String body) throws Exception {
        return HttpClient.newHttpClient().send(SignedIdentityStoreCall.of(gatehouse.uri("/"),
                caller.credential().accessKeyId(), caller.secretAccessKey(), gatehouse.clock.instant(), "CreateUser",
                body), HttpResponse.BodyHandlers.ofString());
    }
}
