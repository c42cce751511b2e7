package dev.gatehouse.server.admin;

import dev.gatehouse.core.access.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "Create, list and delete accounts.")
final class AccountCommands extends AdminSubcommand {

    @Command(name = "create", description = "Create an account with a 12-digit id.")
    void create(@Option(names = "--id", required = true) String id,
                @Option(names = "--name", required = true) String name,
                @Option(names = "--email", required = true) String email) {
        Account account = core().accessModel().createAccount(id, name, email, AdminCommand.actor(),
                AdminCommand.context());
        out().println("created account " + account.accountId() + " (" + account.name() + ")");
    }

    @Command(name = "list", description = "List accounts.")
    void list() {
        for (Account account : core().accessModel().listAccounts(null, 100_000)) {
            out().printf("%s  %-40s %s%n", account.accountId(), account.name(), account.email());
        }
    }

    @Command(name = "management", description = "Show the management account, or choose it: role credentials for its "
            + "permission sets may call the administration APIs (identitystore, sso-admin).")
    void management(@Parameters(paramLabel = "ID_OR_NAME", arity = "0..1",
                            description = "The account to choose; without it, shows the current one.") String account,
                    @Option(names = "--default", description = "Go back to the default, the first account created.")
                    boolean reset) {
        if (account != null || reset) {
            core().managementAccount().choose(reset ? null : account, AdminCommand.actor(), AdminCommand.context());
        }
        core().managementAccount().account().ifPresentOrElse(
                current -> out().println("management account " + current.accountId() + " (" + current.name() + ")"
                        + (core().managementAccount().chosen() ? "" : ", the first account created")),
                () -> out().println("no management account yet: the first account created will be"));
    }

    @Command(name = "delete", description = "Delete an account with its assignments.")
    void delete(@Parameters(paramLabel = "ID_OR_NAME") String account) {
        core().accessModel().deleteAccount(account, AdminCommand.actor(), AdminCommand.context());
        out().println("deleted account " + account);
    }
}
