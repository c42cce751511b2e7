package dev.gatehouse.server.admin;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.server.Services;
import dev.gatehouse.store.BulkSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A benchmark-scale directory: the permission sets through core (so they are real, audited, with their ARNs),
 * everything else in bulk ({@link BulkSeed}). Shared by {@code admin seed} and the bench module's data-scale run.
 */
public final class DirectorySeeder {

    /** Sizes; {@code probeGroups} is how many groups {@link BulkSeed#PROBE_USER} is in. */
    public record Sizes(int users, int groups, int accounts, int assignments, int probeGroups, int permissionSets) { }

    private DirectorySeeder() {
    }

    public static BulkSeed.Written seed(Services services, Sizes sizes, Actor actor, RequestContext context) {
        if (sizes.permissionSets() < 1 || sizes.permissionSets() > 100) {
            throw new IllegalArgumentException("--permission-sets must be 1..100");
        }
        // The bulk part commits as it goes, so every name it will take is checked before anything is written.
        boolean seedUsers = services.core().identityStore().listUsers("seed.user.", 1).stream()
                .anyMatch(u -> u.userName().startsWith("seed.user."));
        boolean seedGroups = services.core().identityStore().listGroups("seed-group-", 1).stream()
                .anyMatch(g -> g.displayName().startsWith("seed-group-"));
        String firstAccount = BulkSeed.accountId(0);
        String lastAccount = BulkSeed.accountId(sizes.accounts() - 1);
        boolean seedAccounts = services.core().accessModel().listAccounts(null, 100_000).stream()
                .anyMatch(a -> a.accountId().compareTo(firstAccount) >= 0 && a.accountId().compareTo(lastAccount) <= 0);
        if (seedUsers || seedGroups || seedAccounts) {
            throw new IllegalArgumentException("this directory is already seeded; seed a fresh data directory");
        }
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < sizes.permissionSets(); i++) {
            arns.add(services.core().accessModel().createPermissionSet(new NewPermissionSet(
                    String.format("SeedSet%02d", i), "seeded for a benchmark", "PT1H", List.of("ReadOnlyAccess"),
                    null, null, null, Map.of()), actor, context).permissionSetArn());
        }
        return BulkSeed.seed(services.database().dataSource(), new BulkSeed.Plan(sizes.users(), sizes.groups(),
                sizes.accounts(), sizes.assignments(), sizes.probeGroups(), arns), services.clock().instant());
    }
}
