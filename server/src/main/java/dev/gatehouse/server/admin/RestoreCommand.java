package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.store.EmbeddedBackup;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin restore --from FILE}: a backup into a data directory that holds no database yet (embedded) or into an
 * empty PostgreSQL database (with {@code pg_restore}), with no server running; it never overwrites. The server then
 * starts on it with the master key the backup was taken under.
 */
@Command(name = "restore", description = "Restore a backup into a data directory that holds no database yet, or "
        + "into an empty PostgreSQL database (never overwrites).")
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
        try {
            if (config.database().isEmbedded()) {
                EmbeddedBackup.restore(from, config.dataDir());
            } else {
                PgDump.restore(config.database(), from);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw DomainException.invalid("from", e.getMessage());
        }
        String into = config.database().isEmbedded() ? config.dataDir().toAbsolutePath().toString()
                : PgDump.libpqUri(config.database().url());
        out().println("restored " + from.toAbsolutePath() + " into " + into
                + "; start the server with the master key the backup was taken under");
    }
}
