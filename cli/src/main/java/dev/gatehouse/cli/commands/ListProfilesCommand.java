package dev.gatehouse.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list-profiles", description = "List the profiles of the config and credentials files.")
final class ListProfilesCommand implements Callable<Integer> {

    private final CommandContext context;

    ListProfilesCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.config().profileNames().forEach(context.environment().out()::println);
        context.environment().out().flush();
        return 0;
    }
}
