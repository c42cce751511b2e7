package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.sso.ServerCalls;
import dev.gatehouse.cli.sso.SsoConnection;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * The account and role questions of {@code configure sso}, worded as the AWS CLI words them: a lone choice is
 * announced and taken; several are listed to pick from, or, without prompts, must be named by a flag.
 */
final class AccountAndRoleChooser {

    private final SsoConnection connection;
    private final Prompter prompter;
    private final PrintStream out;
    private final boolean prompting;

    AccountAndRoleChooser(SsoConnection connection, Prompter prompter, PrintStream out, boolean prompting) {
        this.connection = connection;
        this.prompter = prompter;
        this.out = out;
        this.prompting = prompting;
    }

    AccountAndRole choose(String accessToken, String accountFlag, String roleFlag) {
        try {
            List<AccountInfo> accounts = ServerCalls.call("ListAccounts", connection.portalEndpoint(), () ->
                    connection.portal().listAccountsPaginator(r -> r.accessToken(accessToken)).accountList()
                            .stream().toList());
            String accountId = account(accounts, accountFlag);
            List<RoleInfo> roles = ServerCalls.call("ListAccountRoles", connection.portalEndpoint(), () ->
                    connection.portal().listAccountRolesPaginator(r -> r.accessToken(accessToken)
                            .accountId(accountId)).roleList().stream().toList());
            return new AccountAndRole(accountId, role(roles, accountId, roleFlag));
        } catch (CliException e) {
            if (!(e.getCause() instanceof UnauthorizedException)) {
                throw e;
            }
            out.println("Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for"
                    + " profile.");
            return new AccountAndRole(null, null);
        }
    }

    private String account(List<AccountInfo> accounts, String flag) {
        if (accounts.isEmpty()) {
            throw new CliException(ExitCode.ROLE_ACCESS_DENIED, "No AWS accounts are available to you.");
        }
        String accountId = pick(accounts, flag, AccountInfo::accountId, "account", "--account-id",
                AccountAndRoleChooser::display, "The only AWS account available to you is: %s",
                "There are %d AWS accounts available to you.", "Account");
        out.println("Using the account ID " + accountId);
        return accountId;
    }

    private String role(List<RoleInfo> roles, String accountId, String flag) {
        if (roles.isEmpty()) {
            throw new CliException(ExitCode.ROLE_ACCESS_DENIED, "No roles are available for the account " + accountId);
        }
        String roleName = pick(roles, flag, RoleInfo::roleName, "role", "--role-name", RoleInfo::roleName,
                "The only role available to you is: %s", "There are %d roles available to you.", "Role");
        out.println("Using the role name \"" + roleName + "\"");
        return roleName;
    }

    private <T> String pick(List<T> items, String flag, Function<T, String> id, String what, String flagName,
                            Function<T, String> display, String onlyOne, String several, String label) {
        List<String> ids = items.stream().map(id).toList();
        if (flag != null) {
            if (!ids.contains(flag)) {
                throw new CliException(ExitCode.ROLE_ACCESS_DENIED, "the " + what + " '" + flag
                        + "' is not available to you; available: " + String.join(", ", ids));
            }
            return flag;
        }
        if (items.size() == 1) {
            out.println(String.format(onlyOne, ids.getFirst()));
            return ids.getFirst();
        }
        if (!prompting) {
            throw CliException.usage("several " + what + "s are available (" + String.join(", ", ids)
                    + "): choose one with " + flagName);
        }
        out.println(String.format(several, items.size()));
        return id.apply(prompter.choose(label, items, display, id));
    }

    /** As the AWS CLI shows an account: name, email (accountId), leaving out what the portal did not send. */
    private static String display(AccountInfo account) {
        if (account.accountName() == null && account.emailAddress() == null) {
            return account.accountId();
        }
        if (account.emailAddress() == null) {
            return account.accountName() + " (" + account.accountId() + ")";
        }
        if (account.accountName() == null) {
            return account.emailAddress() + " (" + account.accountId() + ")";
        }
        return account.accountName() + ", " + account.emailAddress() + " (" + account.accountId() + ")";
    }
}
