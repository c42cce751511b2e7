package dev.gatehouse.server.admin;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.simulation.AccessSimulator.AsUser;
import dev.gatehouse.core.simulation.AccessSimulator.Simulation;
import dev.gatehouse.core.simulation.AccessSimulator.WithPolicies;
import dev.gatehouse.core.simulation.SimulatedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Would this request be allowed? Asks the same simulator as the console's Simulate page, for a user's role or for
 * policies given directly, and answers in the exit code as well, so scripts can test a policy change.
 */
@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Decide a request as the policy engine would: for a user's role (--user, --account, "
                + "--permission-set) or for policies given directly (--managed-policy, --inline-policy, "
                + "--permissions-boundary).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:allow", "1:deny (explicit or implicit)",
                "2:the request cannot be simulated: bad options, an unknown user, account, permission set or "
                        + "policy, a permission set the user does not hold there, an invalid policy"})
final class SimulateCommand extends AdminSubcommand implements Callable<Integer> {

    static final int DENY = 1;

    @Option(names = "--user", paramLabel = "NAME", description = "user name; with --account and --permission-set")
    String user;

    @Option(names = "--account", paramLabel = "ID", description = "account id or name")
    String account;

    @Option(names = "--permission-set", paramLabel = "NAME", description = "permission set name; must be assigned "
            + "to the user in the account, directly or through a group")
    String permissionSet;

    @Option(names = "--managed-policy", paramLabel = "NAME",
            description = "AWS managed policy name or ARN; repeatable")
    List<String> managedPolicies;

    @Option(names = "--inline-policy", paramLabel = "FILE", description = "a JSON policy document")
    Path inlinePolicy;

    @Option(names = "--permissions-boundary", paramLabel = "NAME",
            description = "AWS managed policy that caps the others")
    String permissionsBoundary;

    @Option(names = "--action", required = true, paramLabel = "ACTION", description = "e.g. s3:GetObject")
    String action;

    @Option(names = "--resource", defaultValue = "*", paramLabel = "ARN", description = "an ARN, or * (default)")
    String resource;

    @Option(names = "--context", paramLabel = "KEY=VALUE", description = "a condition key, e.g. "
            + "aws:SourceIp=10.0.0.1; repeatable, and a key given twice has both values")
    List<String> context;

    @Override
    public Integer call() {
        boolean asUser = user != null || account != null || permissionSet != null;
        boolean withPolicies = managedPolicies != null || inlinePolicy != null || permissionsBoundary != null;
        if (asUser == withPolicies) {
            throw usage("give either --user, --account and --permission-set, or --managed-policy / "
                    + "--inline-policy (with an optional --permissions-boundary)");
        }
        Simulation simulation;
        try {
            SimulatedRequest request = SimulatedRequest.of(action, resource, context);
            simulation = asUser
                    ? core().simulator().simulate(new AsUser(user, account, permissionSet), request)
                    : core().simulator().simulate(new WithPolicies(managedPolicies,
                            PermissionSetCommands.read(inlinePolicy), permissionsBoundary), request);
        } catch (DomainException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        out().println(simulation.verdict());
        out().println("deciding statement: " + simulation.decidingStatement());
        out().println("reason: " + simulation.decision().reason());
        out().println("context:");
        simulation.context().forEach((key, values) -> values.forEach(value -> out().println("  " + key + "=" + value)));
        return simulation.decision().allowed() ? CommandLine.ExitCode.OK : DENY;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
