package dev.gatehouse.server.admin;

import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PrincipalType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "assignments", description = "Assign users or groups a permission set in an account.")
final class AssignmentCommands extends AdminSubcommand {

    static final class Principal {
        @Option(names = "--user", required = true) String user;
        @Option(names = "--group", required = true) String group;

        PrincipalType type() {
            return user != null ? PrincipalType.USER : PrincipalType.GROUP;
        }

        String name() {
            return user != null ? user : group;
        }
    }

    @Command(name = "create", description = "Create an account assignment.")
    void create(@Option(names = "--account", required = true) String account,
                @Option(names = "--permission-set", required = true) String permissionSet,
                @ArgGroup(multiplicity = "1") Principal principal) {
        core().accessModel().assign(account, permissionSet, principal.type(), principal.name(),
                AdminCommand.actor(), AdminCommand.context());
        out().println("assigned " + principal.name() + " → " + account + " → " + permissionSet);
    }

    @Command(name = "delete", description = "Delete an account assignment: access through it ends at once.")
    void delete(@Option(names = "--account", required = true) String account,
                @Option(names = "--permission-set", required = true) String permissionSet,
                @ArgGroup(multiplicity = "1") Principal principal) {
        core().accessModel().unassign(account, permissionSet, principal.type(), principal.name(),
                AdminCommand.actor(), AdminCommand.context());
        out().println("unassigned " + principal.name() + " → " + account + " → " + permissionSet);
    }

    @Command(name = "list", description = "List the assignments of an account.")
    void list(@Option(names = "--account", required = true) String account) {
        for (AccountAssignment assignment : core().accessModel().assignments(account)) {
            out().printf("%s  %-5s %s  %s%n", assignment.accountId(), assignment.principalType(),
                    assignment.principalId(), assignment.permissionSetArn());
        }
    }
}
