package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.cache.RoleCredentials;
import dev.gatehouse.cli.output.CredentialFormat;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoProfile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-credentials", description = {
        "Print the profile's credentials: as credential_process JSON (the default), or as variables for a shell.",
        "Usable as: credential_process = gatehouse configure export-credentials --profile NAME --format process"})
final class ExportCredentialsCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "process",
            description = "process, env, env-no-export, powershell, windows-cmd or fish (default: ${DEFAULT-VALUE}).")
    String format;

    ExportCredentialsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CredentialFormat credentialFormat;
        try {
            credentialFormat = CredentialFormat.fromCliName(format);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        SsoProfile profile = context.profiles().ssoProfile(context.profileName());
        RoleCredentials credentials;
        try (SsoConnection connection = context.connect(profile)) {
            credentials = connection.roleCredentials().credentials(profile);
        }
        context.environment().out().print(credentialFormat.render(credentials));
        context.environment().out().flush();
        return 0;
    }
}
