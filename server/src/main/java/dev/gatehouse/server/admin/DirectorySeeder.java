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
        // Checked first so that a repeated seed fails before writing its permission sets.
        if (services.core().identityStore().listUsers("seed.user.", 1).stream()
                .anyMatch(u -> u.userName().startsWith("seed.user."))) {
            throw new IllegalArgumentException("this directory is already seeded");
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
