package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin events}: the audit trail as JSON lines, and the sign-in steps as AWS names them. */
class EventsCommandTest {

    private static final RequestContext SETUP = RequestContext.commandLine("events-command-test");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Corr3ct-Horse!";

    @TempDir
    Path dataDir;
    private Services running;

    @BeforeEach
    void open() {
        // MFA would turn these password sign-ins into pending ones; the MFA tests are in web.MfaSignInPagesTest.
        running = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                        "GATEHOUSE_MFA_WITHOUT_DEVICE", "allow")).load(),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        running.close();
    }

    private List<JsonNode> events(String... args) {
        StringWriter out = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "events";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = AdminCommand.run(command, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()),
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        return out.toString().lines().map(EventsCommandTest::json).toList();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void passwordSignInThenChallengeVerificationAndAuthenticationAreAuditedAsAwsNamesThem() {
        running.core().identityStore().createUser(new NewUser("ed.developer", null, "Ed", "Developer", "ed@example.com",
                false), Actor.administratorCli(), SETUP);
        running.core().activations().setPassword(running.core().activations().issue("ed.developer", Actor.administratorCli(),
                SETUP), PASSWORD.toCharArray(), SETUP);
        assertThatThrownBy(() -> running.core().passwordStep().signIn("ed.developer", "Wrong-Passw0rd!".toCharArray(), SETUP))
                .isInstanceOf(DomainException.class);
        running.core().passwordStep().signIn("ed.developer", PASSWORD.toCharArray(), SETUP);

        List<JsonNode> signIns = events("--all", "--event-source", "signin.amazonaws.com", "--user", "ed.developer")
                .stream().filter(e -> !e.get("eventName").asText().equals("PasswordSet")).toList();

        // Events of one transaction may share a timestamp, so their order is not asserted.
        assertThat(signIns).extracting(e -> e.get("eventName").asText() + " " + e.path("errorCode").asText("ok"))
                .containsExactlyInAnyOrder(
                        "CredentialChallenge ok", "CredentialVerification InvalidCredentials",
                        "UserAuthentication InvalidCredentials",
                        "CredentialChallenge ok", "CredentialVerification ok", "UserAuthentication ok");
        assertThat(signIns).allSatisfy(e -> assertThat(e.at("/requestParameters/credentialType").asText())
                .isEqualTo("PASSWORD"));
        assertThat(signIns).filteredOn(e -> e.get("eventName").asText().equals("CredentialVerification")
                        && !e.has("errorCode"))
                .singleElement().satisfies(e -> assertThat(e.at("/responseElements/result").asText())
                        .isEqualTo("Success"));
        assertThat(signIns.toString()).doesNotContain(PASSWORD, "Wrong-Passw0rd!");
    }

    @Test
    void eventsAllThenEveryMatchingEventWhateverTheLimitOnePerLine() {
        for (int i = 0; i < 501; i++) {
            running.core().identityStore().createGroup("group-" + i, null, Actor.administratorCli(), SETUP);
        }

        List<JsonNode> exported = events("--all", "--event-name", "CreateGroup", "--limit", "3");

        assertThat(exported).hasSize(501);
        assertThat(exported.stream().map(e -> e.get("eventID").asText()).distinct()).hasSize(501);
        assertThat(exported).allSatisfy(e -> assertThat(e.get("eventName").asText()).isEqualTo("CreateGroup"));
        assertThat(events("--event-name", "CreateGroup", "--limit", "3")).hasSize(3);
    }
}
