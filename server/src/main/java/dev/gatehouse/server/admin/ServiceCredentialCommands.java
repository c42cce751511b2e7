package dev.gatehouse.server.admin;

import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.authz.ServiceCredentials.Created;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The credentials protected services sign their calls to the authorization API with (docs/authorization.md). */
@Command(name = "service-credentials", description = "Create, list and delete the credentials services call the "
        + "authorization API and the administration APIs with.")
final class ServiceCredentialCommands extends AdminSubcommand {

    @Command(name = "create", description = "Create a credential and print its secret: the only time it is shown. "
            + "Its policies decide what it may do through the administration APIs (docs/admin-api.md); without any, "
            + "it may call the authorization API only.")
    void create(@Parameters(paramLabel = "NAME", description = "which service holds it, e.g. orders") String name,
                @Option(names = "--managed-policy", description = "AWS managed policy name, e.g. "
                        + "AdministratorAccess; repeatable") List<String> managedPolicies,
                @Option(names = {"--inline-policy-file", "--inline-policy"}, paramLabel = "FILE",
                        description = "a JSON policy document") Path inlinePolicy) {
        Created created = core().serviceCredentials().create(name,
                managedPolicies == null ? List.of() : managedPolicies, PermissionSetCommands.read(inlinePolicy),
                AdminCommand.actor(), AdminCommand.context());
        out().println("created service credential " + created.credential().name());
        out().println("access key id:     " + created.credential().accessKeyId());
        out().println("secret access key: " + created.secretAccessKey());
        out().println("Store the secret now; it cannot be shown again.");
    }

    @Command(name = "list", description = "List credentials (never their secrets).")
    void list() {
        for (ServiceCredential credential : core().serviceCredentials().list()) {
            out().printf("%-32s %-20s created %s  policies: %s%n", credential.name(), credential.accessKeyId(),
                    credential.createdAt(), policies(credential));
        }
    }

    /** What the administration APIs let it do, by name: the inline document is too long for a list. */
    private static String policies(ServiceCredential credential) {
        List<String> names = new ArrayList<>(credential.managedPolicies());
        if (credential.inlinePolicy() != null) {
            names.add("inline");
        }
        return names.isEmpty() ? "none (authorization API only)" : String.join(", ", names);
    }

    @Command(name = "delete", description = "Delete a credential: the service's next call is refused.")
    void delete(@Parameters(paramLabel = "ACCESS_KEY_ID") String accessKeyId) {
        core().serviceCredentials().delete(accessKeyId, AdminCommand.actor(), AdminCommand.context());
        out().println("deleted " + accessKeyId);
    }
}
