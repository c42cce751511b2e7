package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.keys.MasterKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCommandsTest {

    @TempDir
    Path dataDir;

    record Result(int exitCode, String out, String err) { }

    private Result admin(Map<String, String> variables, String... args) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("GATEHOUSE_DATA_DIR", dataDir.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void keysRotateThenEachRunAddsTheNextKeyId() {
        assertThat(admin(Map.of(), "keys", "rotate").out()).startsWith("added sealing key 2;");

        Result second = admin(Map.of(), "keys", "rotate");

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).startsWith("added sealing key 3;");
    }

    @Test
    void keysRotateMasterThenOnlyTheNewKeyOpensTheDatabase() throws IOException {
        admin(Map.of(), "users", "list");
        Path newKey = Files.writeString(dataDir.resolve("new.key"),
                Base64.getEncoder().encodeToString(MasterKey.randomBytes()));

        Result rotated = admin(Map.of(), "keys", "rotate-master", "--new-key-file", newKey.toString());

        assertThat(rotated.exitCode()).isZero();
        assertThat(rotated.out()).startsWith("re-encrypted 1 sealing keys under the master key in");
        Result withOldKey = admin(Map.of(), "users", "list");
        assertThat(withOldKey.exitCode()).isEqualTo(2);
        assertThat(withOldKey.err()).contains("The master key does not match the one this database was created with");
        assertThat(admin(Map.of("GATEHOUSE_MASTER_KEY_FILE", newKey.toString()), "users", "list").exitCode()).isZero();
    }
}
