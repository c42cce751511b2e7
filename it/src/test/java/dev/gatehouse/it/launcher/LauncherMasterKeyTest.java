package dev.gatehouse.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.keys.MasterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/gatehouse-server} over a database made with another master key: a clear message and exit 2. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherMasterKeyTest {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("bin/gatehouse-server");

    @TempDir
    Path dataDir;

    record Run(int exitCode, String output) { }

    private Run launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().putAll(environment);
        builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void serverWhenMasterKeyWrongOrKeyFileLostThenExitTwoWithAClearMessage() throws Exception {
        Run first = launch(Map.of(), "admin", "users", "list");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(dataDir.resolve("master.key")).exists();

        Run wrongKey = launch(Map.of("GATEHOUSE_MASTER_KEY",
                Base64.getEncoder().encodeToString(MasterKey.randomBytes())));

        assertThat(wrongKey.exitCode()).as(wrongKey.output()).isEqualTo(2);
        assertThat(wrongKey.output()).contains("The master key does not match the one this database was created with");

        Files.delete(dataDir.resolve("master.key"));
        Run lostFile = launch(Map.of());

        assertThat(lostFile.exitCode()).as(lostFile.output()).isEqualTo(2);
        assertThat(lostFile.output()).contains("master.key does not exist, but the database holds sealing keys");
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }
}
