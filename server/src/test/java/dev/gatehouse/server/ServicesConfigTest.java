package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.server.config.GatehouseConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that reach core only through the composition root. */
class ServicesConfigTest {

    @TempDir
    Path dataDir;

    @Test
    void openWhenRelyingPartyNameSetThenSecurityKeysAreOfferedUnderThatName() {
        GatehouseConfig config = GatehouseConfig.defaults(dataDir).toBuilder().relyingPartyName("Example SSO").build();
        try (Services services = Services.open(config, Clock.systemUTC())) {
            String userId = services.core().identityStore().createUser(new NewUser("ed.developer", null, "Ed",
                    "Developer",
                    "ed@example.com", false), Actor.administratorCli(), RequestContext.commandLine("test")).userId();

            assertThat(services.core().securityKeys().startRegistration(userId).optionsJson())
                    .contains("\"Example SSO\"");
        }
    }
}
