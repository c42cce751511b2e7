package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.server.web.WebTestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The first-start line: a setup link while nobody administers the installation, and none at later starts once the
 * configured admin group has a member, even though no user carries the administrator flag.
 */
class FirstStartLineTest {

    private static final RequestContext SETUP = RequestContext.commandLine("first-start-test");

    @TempDir
    Path dataDir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger serverLog = (Logger) LoggerFactory.getLogger(GatehouseServer.class);

    @BeforeEach
    void capture() {
        log.start();
        serverLog.addAppender(log);
    }

    @AfterEach
    void release() {
        serverLog.detachAppender(log);
    }

    @Test
    void startWhenOnlyTheAdminGroupMakesAdministratorsAndItHasAMemberThenNoSetupLine() {
        try (WebTestServer first = WebTestServer.withAdminGroup(dataDir, "Platform Team")) {
            assertThat(lines()).as("nobody administers yet").anyMatch(line -> line.contains("/setup?token=ghs_"));
            var identityStore = first.services.core().identityStore();
            identityStore.createUser(new NewUser("pat.platform", null, "Pat", "Platform", "pat@example.com", false),
                    Actor.administratorCli(), SETUP);
            identityStore.createGroup("Platform Team", null, Actor.administratorCli(), SETUP);
            identityStore.addMember("Platform Team", "pat.platform", Actor.administratorCli(), SETUP);
        }
        log.list.clear();

        try (WebTestServer again = WebTestServer.withAdminGroup(dataDir, "Platform Team")) {
            assertThat(lines()).anyMatch(line -> line.contains("listening"))
                    .noneMatch(line -> line.contains("No administrator yet"));
        }
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
