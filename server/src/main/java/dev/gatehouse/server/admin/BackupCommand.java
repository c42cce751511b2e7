package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.store.EmbeddedBackup;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin backup --to FILE}: a consistent snapshot while the server keeps serving (through the admin socket
 * when one runs). The embedded database is copied by H2's online backup; PostgreSQL by {@code pg_dump}. The master
 * key is never in it (docs/operations.md, "Backup and restore").
 */
@Command(name = "backup", description = "Write a consistent snapshot of the database to a new file (no master key "
        + "in it), also while the server runs.")
final class BackupCommand extends AdminSubcommand implements Runnable {

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "the new file; an absolute path "
            + "when a server runs (it writes the file)")
    Path to;

    @Override
    public void run() {
        DatabaseConfig database = services().config().database();
        try {
            if (database.isEmbedded()) {
                EmbeddedBackup.backup(services().database().dataSource(), to);
            } else {
                PgDump.dump(database, to);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw DomainException.invalid("to", e.getMessage());
        }
        out().println("backed up the database to " + to.toAbsolutePath()
                + "; keep the master key apart from it (docs/operations.md)");
    }
}
