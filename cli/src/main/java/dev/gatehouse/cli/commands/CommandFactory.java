package dev.gatehouse.cli.commands;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the commands with the run's {@link CommandContext}, and hands every command the same
 * {@link GlobalOptions}, so an option given before or after a command name lands in one place.
 */
public final class CommandFactory implements IFactory {

    private final CommandContext context;
    private final IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(CommandContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(context.options());
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CommandContext.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(context));
            }
        }
        return fallback.create(type);
    }
}
