package dev.gatehouse.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Sign in to Gatehouse (or AWS IAM Identity Center) and use its short-lived credentials,"
                + " with the same ~/.aws files as the AWS CLI.",
        subcommands = {ConfigureCommand.class, SsoCommand.class, StsCommand.class})
public final class GatehouseCommand implements Runnable {

    @Mixin
    GlobalOptions globals;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: configure, sso or sts");
    }
}
