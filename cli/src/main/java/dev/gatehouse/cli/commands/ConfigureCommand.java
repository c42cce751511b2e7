package dev.gatehouse.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "configure", description = "Create and inspect profiles.",
        subcommands = {ConfigureSsoCommand.class, ListProfilesCommand.class, ConfigureListCommand.class,
                ExportCredentialsCommand.class})
final class ConfigureCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a subcommand is required: sso, list, list-profiles or export-credentials");
    }
}
