package dev.gatehouse.server.admin;

import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.error.DomainException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Create, list, enable, disable and delete users; issue activation links.")
final class UserCommands extends AdminSubcommand {

    @Command(name = "create", description = "Create a user and print their activation link.")
    void create(@Option(names = "--user-name", required = true) String userName,
                @Option(names = "--given-name", required = true) String givenName,
                @Option(names = "--family-name", required = true) String familyName,
                @Option(names = "--email", required = true) String email,
                @Option(names = "--display-name") String displayName,
                @Option(names = "--administrator", description = "May administer Gatehouse.") boolean administrator) {
        User user = core().identityStore().createUser(
                new NewUser(userName, displayName, givenName, familyName, email, administrator),
                AdminCommand.actor(), AdminCommand.context());
        out().println("created user " + user.userName() + " (" + user.userId() + ")");
        if (services().activationMail().available()) {
            sendActivation(user.userName());
        } else {
            printActivationLink(user.userName());
        }
    }

    @Command(name = "send-activation", description = "Mail the user a new one-time link to set the password "
            + "(needs a mail server: smtp-host).")
    void sendActivation(@Parameters(paramLabel = "USER_NAME") String userName) {
        String to = services().activationMail().send(userName, AdminCommand.actor(), AdminCommand.context())
                .orElseThrow(() -> DomainException.invalid("smtp-host", "No mail server is configured (smtp-host):"
                        + " print a link with `users activation-link " + userName + "` and pass it on"));
        out().println("activation link mailed to " + to);
    }

    @Command(name = "list", description = "List users.")
    void list() {
        String after = null;
        while (true) {
            var page = core().identityStore().listUsers(after, 500);
            for (User user : page) {
                out().printf("%-32s %-8s %-40s %s%n", user.userName(), user.status(), user.email(),
                        user.passwordHash() == null ? "not activated" : "active");
            }
            if (page.size() < 500) {
                return;
            }
            after = page.getLast().userName();
        }
    }

    @Command(name = "disable", description = "Disable a user: their sessions and credentials stop working at once.")
    void disable(@Parameters(paramLabel = "USER_NAME") String userName) {
        core().identityStore().setStatus(userName, UserStatus.DISABLED, AdminCommand.actor(),
                AdminCommand.context());
        out().println("disabled " + userName);
    }

    @Command(name = "enable", description = "Enable a disabled user.")
    void enable(@Parameters(paramLabel = "USER_NAME") String userName) {
        core().identityStore().setStatus(userName, UserStatus.ENABLED, AdminCommand.actor(),
                AdminCommand.context());
        out().println("enabled " + userName);
    }

    @Command(name = "delete", description = "Delete a user with their memberships and assignments.")
    void delete(@Parameters(paramLabel = "USER_NAME") String userName) {
        core().identityStore().deleteUser(userName, AdminCommand.actor(), AdminCommand.context());
        out().println("deleted " + userName);
    }

    @Command(name = "attributes", description = "Show a user's attributes for access control, or set some "
            + "(NAME=VALUE; an empty VALUE removes one): title, userType, department, costCenter, division, "
            + "organization, employeeNumber. New credentials carry them as principal tags.")
    void attributes(@Parameters(index = "0", paramLabel = "USER_NAME") String userName,
                    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", arity = "0..*") List<String> changes) {
        Map<String, String> attributes = changes == null || changes.isEmpty()
                ? core().accessControlAttributes().userAttributes(userName)
                : core().accessControlAttributes().updateUserAttributes(userName,
                        KeyValueArguments.parse(changes, "NAME=VALUE"), AdminCommand.actor(), AdminCommand.context());
        attributes.forEach((name, value) -> out().println(name + "=" + value));
    }

    @Command(name = "activation-link", description = "Issue a new one-time link to set the password.")
    void activationLink(@Parameters(paramLabel = "USER_NAME") String userName) {
        printActivationLink(userName);
    }

    private void printActivationLink(String userName) {
        String token = core().activations().issue(userName, AdminCommand.actor(), AdminCommand.context());
        out().println("activation link: " + services().config().http().publicUrl() + "/activate?token=" + token);
    }
}
