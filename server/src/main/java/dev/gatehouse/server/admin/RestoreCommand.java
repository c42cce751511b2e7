package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.store.EmbeddedBackup;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin restore --from FILE}: a backup into a data directory that holds no database yet, with no server
 * running; it never overwrites. The server then starts on it with the master key the backup was taken under.
 */
@Command(name = "restore", description = "Restore a backup of the embedded database into a data directory that "
        + "holds no database yet (never overwrites).")
final class RestoreCommand extends AdminSubcommand implements Runnable {

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "a file `admin backup` wrote")
    Path from;

    @Override
    public void run() {
        AdminCommand admin = root();
        if (admin.onRunningServer()) {
            throw DomainException.invalid("from", "a server is running on this data directory; restore only into "
                    + "a data directory without a database, with no server running");
        }
        GatehouseConfig config = admin.config();
        if (!config.database().isEmbedded()) {
            throw DomainException.invalid("from", "the database is PostgreSQL: restore with pg_restore into an "
                    + "empty database (docs/operations.md)");
        }
        try {
            EmbeddedBackup.restore(from, config.dataDir());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("from", e.getMessage());
        }
        out().println("restored " + from.toAbsolutePath() + " into " + config.dataDir().toAbsolutePath()
                + "; start the server with the master key the backup was taken under");
    }
}
