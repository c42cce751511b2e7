package dev.gatehouse.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sso", description = "Log in and out of SSO sessions.",
        subcommands = {SsoLoginCommand.class, SsoLogoutCommand.class, SsoSessionsCommand.class})
final class SsoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: login, logout or sessions");
    }
}
