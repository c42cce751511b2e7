package dev.gatehouse.server.admin;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.error.DomainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "permission-sets", description = "Create, list and delete permission sets; set their permissions "
        + "boundary.")
final class PermissionSetCommands extends AdminSubcommand {

    @Command(name = "create", description = "Create a permission set.")
    void create(@Option(names = "--name", required = true) String name,
                @Option(names = "--description") String description,
                @Option(names = "--session-duration", defaultValue = "PT1H",
                        description = "PT1H..PT12H (default ${DEFAULT-VALUE})") String sessionDuration,
                @Option(names = "--managed-policy", description = "AWS managed policy name; repeatable")
                List<String> managedPolicies,
                @Option(names = "--inline-policy-file", description = "a JSON policy document") Path inlinePolicy,
                @Option(names = "--permissions-boundary", description = "AWS managed policy name or ARN that caps "
                        + "the others") String permissionsBoundary,
                @Option(names = "--relay-state") String relayState,
                @Option(names = "--tag", description = "key=value; repeatable") List<String> tags) {
        PermissionSet set = core().accessModel().createPermissionSet(new NewPermissionSet(name, description,
                        sessionDuration, managedPolicies, read(inlinePolicy), permissionsBoundary, relayState,
                        tagMap(tags)),
                AdminCommand.actor(), AdminCommand.context());
        out().println("created permission set " + set.name() + " (" + set.permissionSetArn() + ")");
    }

    @Command(name = "list", description = "List permission sets.")
    void list() {
        for (PermissionSet set : core().accessModel().listPermissionSets(null, 10_000)) {
            out().printf("%-32s %-8s %s%s%n", set.name(), set.sessionDuration(),
                    String.join(",", set.managedPolicies()),
                    set.permissionsBoundary() == null ? "" : " boundary=" + set.permissionsBoundary());
        }
    }

    @Command(name = "put-permissions-boundary", description = "Set or replace a permission set's permissions "
            + "boundary.")
    void putPermissionsBoundary(@Parameters(paramLabel = "NAME") String name,
                                @Option(names = "--policy", required = true,
                                        description = "AWS managed policy name or ARN") String policy) {
        PermissionSet set = core().accessModel().putPermissionsBoundary(name, policy, AdminCommand.actor(),
                AdminCommand.context());
        out().println("permission set " + set.name() + " is capped by " + set.permissionsBoundary());
    }

    @Command(name = "delete-permissions-boundary", description = "Remove a permission set's permissions boundary.")
    void deletePermissionsBoundary(@Parameters(paramLabel = "NAME") String name) {
        PermissionSet set = core().accessModel().deletePermissionsBoundary(name, AdminCommand.actor(),
                AdminCommand.context());
        out().println("permission set " + set.name() + " has no permissions boundary");
    }

    @Command(name = "delete", description = "Delete a permission set with its assignments.")
    void delete(@Parameters(paramLabel = "NAME") String name) {
        core().accessModel().deletePermissionSet(name, AdminCommand.actor(), AdminCommand.context());
        out().println("deleted permission set " + name);
    }

    static String read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw DomainException.invalid("inlinePolicy", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> tagMap(List<String> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            int eq = tag.indexOf('=');
            if (eq < 1) {
                throw DomainException.invalid("tag", "tags are key=value, not '" + tag + "'");
            }
            map.put(tag.substring(0, eq), tag.substring(eq + 1));
        }
        return map;
    }
}
