package dev.gatehouse.server.admin;

import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.server.config.MasterKeys;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Key rotation without downtime: nothing sealed so far stops opening (docs/keys.md). */
@Command(name = "keys", description = "Rotate the sealing key or the master key.")
final class KeyCommands extends AdminSubcommand {

    @Command(name = "rotate", description = "Add a sealing key that seals from 5 minutes on; older keys keep "
            + "opening what they sealed.")
    void rotate() {
        int keyId = services().instances().rotateSealingKey(services().masterKey(), AdminCommand.actor(),
                AdminCommand.context());
        out().println("added sealing key " + keyId + "; running servers seal with it from "
                + InstanceService.KEY_ACTIVATION.toMinutes() + " minutes on");
    }

    @Command(name = "rotate-master", description = "Re-encrypt every sealing key under a new master key, in one "
            + "transaction.")
    void rotateMaster(@Option(names = "--new-key-file", required = true, paramLabel = "FILE",
            description = "the new master key: base64 text (openssl rand -base64 32) or 32 raw bytes") Path file) {
        MasterKey next = MasterKeys.read(file);
        int count = services().instances().rotateMasterKey(services().masterKey(), next, AdminCommand.actor(),
                AdminCommand.context());
        out().println("re-encrypted " + count + " sealing keys under the master key in " + file.toAbsolutePath()
                + "; from now on start with GATEHOUSE_MASTER_KEY_FILE=" + file.toAbsolutePath());
    }
}
