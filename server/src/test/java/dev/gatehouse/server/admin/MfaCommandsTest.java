package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.testing.SoftwareAuthenticator;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin mfa}: what an administrator does in the MFA section of the console's user page. */
class MfaCommandsTest {

    private static final RequestContext SETUP = RequestContext.commandLine("mfa-commands-test");

    @TempDir
    Path dataDir;
    private Services running;
    private String edsId;

    record Result(int exitCode, String out, String err) { }

    @BeforeEach
    void createEd() {
        running = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).load(),
                Clock.systemUTC());
        edsId = running.core().identityStore().createUser(new NewUser("ed.developer", null, "Ed", "Developer",
                "ed@example.com", false), Actor.administratorCli(), SETUP).userId();
    }

    @AfterEach
    void close() {
        running.close();
    }

    @Test
    void listThenOneLinePerDeviceWithIdKindAndName() {
        MfaDevice key = registeredKey("Blue key");

        Result listed = admin("mfa", "list", "--user", "ed.developer");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith(key.deviceId()).contains("WEBAUTHN").endsWith("Blue key"));
    }

    @Test
    void deleteThenTheDeviceIsGoneAndTheAdministratorIsAudited() {
        MfaDevice key = registeredKey("Blue key");

        Result deleted = admin("mfa", "delete", "--user", "ed.developer", "--device", key.deviceId());

        assertThat(deleted.out()).isEqualTo("deleted MFA device " + key.deviceId() + " of ed.developer"
                + System.lineSeparator());
        assertThat(running.core().mfaDevices().list(edsId)).isEmpty();
        assertThat(running.core().auditQueries().find(new AuditQuery("gatehouse-admin", "DeleteMfaDevice", null, null,
                10)))
                .singleElement().extracting(AuditEvent::requestParameters)
                .satisfies(p -> assertThat(p).containsEntry("deviceId", key.deviceId()).containsEntry("kind",
                        "WEBAUTHN"));
    }

    @Test
    void deleteWhenTheDeviceIsUnknownThenErrorAndExitOne() {
        Result result = admin("mfa", "delete", "--user", "ed.developer", "--device", "no-such-device");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("no-such-device");
    }

    private MfaDevice registeredKey(String name) {
        CeremonyStart start = running.core().securityKeys().startRegistration(edsId);
        return running.core().securityKeys().finishRegistration(edsId, name, start.handle(),
                new SoftwareAuthenticator(running.config().http().publicUrl()).create(start.optionsJson()),
                Actor.user(edsId, "ed.developer"), SETUP);
    }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
