package dev.gatehouse.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags that cannot go together are usage errors, said before anything is sent (nothing listens here). */
class LoginOptionsTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile dev]
                sso_session = my-sso
                sso_account_id = 111122223333
                sso_role_name = PowerUserAccess

                [sso-session my-sso]
                sso_start_url = https://sso.example.com/start
                sso_region = us-east-1

                [profile legacy]
                sso_start_url = https://sso.example.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = PowerUserAccess
                endpoint_url = http://127.0.0.1:9
                """);
    }

    @Test
    void callbackPortWithUseDeviceCodeThenUsageError() {
        assertThat(run("sso", "login", "--profile", "dev", "--use-device-code", "--callback-port", "8400"))
                .isEqualTo(2);
        assertThat(err()).startsWith("Error: --callback-port is for the browser login; it cannot be combined with"
                + " --use-device-code");
    }

    @Test
    void callbackPortOutOfRangeThenUsageError() {
        assertThat(run("configure", "sso", "--callback-port", "70000")).isEqualTo(2);
        assertThat(err()).startsWith("Error: --callback-port must be between 1 and 65535, not 70000");
    }

    @Test
    void callbackPortOnALegacyProfileThenUsageErrorSayingItLogsInWithADeviceCode() {
        assertThat(run("sso", "login", "--profile", "legacy", "--callback-port", "8400")).isEqualTo(2);
        assertThat(err()).contains("is a legacy profile without one, and logs in with a device code");
    }

    private int run(String... args) {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(Map.of(), home, new ByteArrayInputStream(new byte[0]),
                discard, new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return Main.run(environment, args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
