package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.store.BulkSeed;
import dev.gatehouse.store.H2Compaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed", description = "Benchmark tool: fill an empty directory with synthetic users, groups, accounts "
        + "and group assignments at scale, in bulk and not audited (docs/performance.md). Never on a real instance.")
final class SeedCommand extends AdminSubcommand implements Runnable {

    @Option(names = "--users", defaultValue = "1000", description = "default ${DEFAULT-VALUE}")
    int users;
    @Option(names = "--groups", defaultValue = "100", description = "default ${DEFAULT-VALUE}")
    int groups;
    @Option(names = "--accounts", defaultValue = "30", description = "default ${DEFAULT-VALUE}")
    int accounts;
    @Option(names = "--assignments", defaultValue = "1000", description = "group assignments; default ${DEFAULT-VALUE}")
    int assignments;
    @Option(names = "--probe-groups", defaultValue = "50",
            description = "groups the probe user " + BulkSeed.PROBE_USER + " is in; default ${DEFAULT-VALUE}")
    int probeGroups;
    @Option(names = "--permission-sets", defaultValue = "10", description = "default ${DEFAULT-VALUE}")
    int permissionSets;

    @Override
    public void run() {
        long started = System.nanoTime();
        BulkSeed.Written written;
        try {
            written = DirectorySeeder.seed(services(), new DirectorySeeder.Sizes(users, groups, accounts, assignments,
                    Math.min(probeGroups, groups), permissionSets), AdminCommand.actor(), AdminCommand.context());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw DomainException.invalid("seed", e.getMessage());
        }
        out().printf("seeded %d users, %d groups, %d memberships, %d accounts, %d assignments in %.1f s; probe user %s%n",
                written.users(), written.groups(), written.memberships(), written.accounts(), written.assignments(),
                (System.nanoTime() - started) / 1e9, BulkSeed.PROBE_USER);
        DatabaseConfig database = services().config().database();
        if (database.isEmbedded() && !root().onRunningServer()) {
            // The bulk load leaves H2's file many times the size of its data until it is rewritten.
            root().closeOwnServices();
            H2Compaction.Compacted compacted = H2Compaction.compact(database.url(), database.user(),
                    database.password());
            out().printf("compacted the database file from %d MB to %d MB in %.1f s%n",
                    compacted.bytesBefore() / 1_000_000, compacted.bytesAfter() / 1_000_000, compacted.seconds());
        } else if (database.isEmbedded()) {
            out().println("not compacted: the running server holds the database file; it stays larger than its data");
        }
    }
}
