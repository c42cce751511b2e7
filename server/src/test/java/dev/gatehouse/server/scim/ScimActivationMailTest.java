package dev.gatehouse.server.scim;

import static dev.gatehouse.server.scim.ScimClient.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.RunningServer;
import dev.gatehouse.server.config.SmtpConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user provisioned over SCIM, with a mail server and the built-in directory, gets their activation link by mail. */
class ScimActivationMailTest {

    private static final RequestContext SETUP = RequestContext.commandLine("scim-mail-test");
    private static final GreenMail SMTP = startedSmtp();
    private static final Pattern LINK = Pattern.compile("/activate\\?token=(gha_[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer(config -> config.toBuilder()
            .smtp(new SmtpConfig("127.0.0.1", SMTP.getSmtp().getPort(), "sso@example.com", null, null, false))
            .build());

    private static ScimClient scim;

    private static GreenMail startedSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    @BeforeAll
    static void token() {
        scim = new ScimClient(gatehouse, gatehouse.services().core().scimTokens().create(Actor.administratorCli(),
                SETUP).value());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void createWhenActiveThenTheActivationLinkIsMailedAndWhenInactiveThenNothing() throws Exception {
        ScimClient.Answer created = scim.post("/Users", user("sam.provisioned"));
        ScimClient.Answer inactive = scim.post("/Users", user("ina.inactive").replace("\"userName\"",
                "\"active\":false,\"userName\""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(inactive.status()).isEqualTo(201);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("sam.provisioned@example.com");
        // The mailed link works: its token sets the first password.
        Matcher link = LINK.matcher(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("=\r\n", "")
                .replace("=3D", "="));
        assertThat(link.find()).isTrue();
        gatehouse.services().core().activations().setPassword(link.group(1), "Corr3ct-Horse-Battery".toCharArray(),
                SETUP);
        assertThat(gatehouse.services().core().identityStore().user("sam.provisioned").passwordHash()).isNotNull();
    }
}
