package dev.gatehouse.bench;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.admin.DirectorySeeder;
import dev.gatehouse.store.BulkSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 16's data-scale run: seeds a directory at a given size ({@code admin seed}'s bulk path, then on H2 its
 * compaction), then times, in process through the services the HTTP handlers call (no HTTP: what the size changes
 * is the database work), what {@link DataScaleReport} lists. Prints Markdown rows.
 *
 * <p>Arguments: {@code h2|postgres USERS GROUPS ACCOUNTS ASSIGNMENTS [DIR]} seeds into {@code DIR} (default: a new
 * temporary directory), e.g. {@code h2 1000000 100000 30000 1000000 /work/scale-h2}; {@code h2|postgres DIR}
 * times again what an earlier run seeded there (seeding a million users takes minutes to a quarter of an hour).
 */
public final class DataScaleRun {

    private static final RequestContext CONTEXT = RequestContext.commandLine("data-scale-run");

    private DataScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        boolean postgres = switch (args[0]) {
            case "h2" -> false;
            case "postgres" -> true;
            default -> throw new IllegalArgumentException("h2 or postgres, not " + args[0]);
        };
        boolean seed = args.length >= 5;
        Path dir = seed ? (args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("gatehouse-data-scale"))
                : Path.of(args[1]);
        System.out.printf("%s, %s%n", args[0], dir);
        try (ScaleDatabase database = postgres ? ScaleDatabase.postgres(dir, seed) : ScaleDatabase.h2(dir)) {
            if (seed) {
                seed(database, new DirectorySeeder.Sizes(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]), Integer.parseInt(args[4]), 50, 10));
            }
            try (Services services = database.open(); Services small = database.openSmall()) {
                seedSmall(small);
                new DataScaleReport(services).print(small);
                if (seed && postgres) {
                    // The planner's statistics after a bulk load are autovacuum's; do they change anything?
                    System.out.println(database.analyze() + "; the same after it:");
                    new DataScaleReport(services).print(small);
                }
            }
        }
    }

    private static void seed(ScaleDatabase database, DirectorySeeder.Sizes sizes) throws Exception {
        try (Services services = database.open()) {
            long started = System.nanoTime();
            BulkSeed.Written written = DirectorySeeder.seed(services, sizes, Actor.administratorCli(), CONTEXT);
            System.out.printf(Locale.ROOT, "seeded %s in %.1f s; database %s%n", written,
                    (System.nanoTime() - started) / 1e9, database.size());
        }
        String after = database.afterSeeding();
        if (!after.isEmpty()) {
            System.out.println(after);
        }
    }

    /** The baseline: the same shape at a thousandth of the size. */
    private static void seedSmall(Services small) {
        DirectorySeeder.seed(small, new DirectorySeeder.Sizes(1_000, 100, 30, 1_000, 50, 10),
                Actor.administratorCli(), CONTEXT);
    }
}
