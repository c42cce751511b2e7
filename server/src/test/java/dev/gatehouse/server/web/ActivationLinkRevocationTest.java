package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.password.ActivationLink;
import dev.gatehouse.core.signin.SignedIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a user's newest link works, and setting a password through it signs out whoever knew the old one. */
class ActivationLinkRevocationTest {

    private static final RequestContext CONTEXT = RequestContext.commandLine("activation-test");
    private static final String NEW_PASSWORD = "N3w-Passw0rd!";

    @TempDir
    static Path dataDir;
    private static WebTestServer server;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void issueWhenAnEarlierLinkIsUnusedThenOnlyTheNewOneWorks() {
        server.createUser("ida.issued");
        String first = server.activationToken("ida.issued");

        String second = server.activationToken("ida.issued");

        assertThatThrownBy(() -> server.services.core().activations().userFor(first))
                .isInstanceOf(DomainException.class).hasMessageContaining("invalid, expired or already used");
        assertThat(server.services.core().activations().userFor(second).userName()).isEqualTo("ida.issued");
        assertThat(events("CreateActivationLink", "ida.issued"))
                .extracting(e -> e.responseElements().get("earlierLinksRevoked")).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void setPasswordThroughALinkThenTheUsersSessionsEndAndOtherLinksAreRevoked() {
        server.createActiveUser("rita.reset");
        SignedIn signedIn = (SignedIn) server.services.core().passwordStep().signIn("rita.reset",
                WebTestServer.PASSWORD.toCharArray(), CONTEXT);
        String reset = server.activationToken("rita.reset");
        String raced = "gha_raced-link";
        server.services.store().activations().insert(new ActivationLink(
                Secrets.hash(raced), signedIn.user().userId(), server.clock.instant(),
                server.clock.instant().plus(Duration.ofDays(1)), null));

        server.services.core().activations().setPassword(reset, NEW_PASSWORD.toCharArray(), CONTEXT);

        assertThat(server.services.core().browserSessions().find(signedIn.cookieValue())).as("the session signed in before").isEmpty();
        assertThatThrownBy(() -> server.services.core().activations().userFor(raced)).isInstanceOf(DomainException.class);
        assertThat(server.services.core().passwordStep().signIn("rita.reset", NEW_PASSWORD.toCharArray(), CONTEXT)).isNotNull();
        assertThat(events("PasswordSet", "rita.reset")).extracting(AuditEvent::responseElements)
                .contains(Map.of("otherLinksRevoked", 1, "sessionsRevoked", 1));
    }

    private static List<AuditEvent> events(String eventName, String userName) {
        return server.services.core().auditQueries().find(new AuditQuery(null, eventName, null, null, 1000)).stream()
                .filter(e -> userName.equals(e.requestParameters().get("userName"))).toList();
    }
}
