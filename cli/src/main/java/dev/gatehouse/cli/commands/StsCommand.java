package dev.gatehouse.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sts", description = "Ask the security token service.", subcommands = GetCallerIdentityCommand.class)
final class StsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: get-caller-identity");
    }
}
