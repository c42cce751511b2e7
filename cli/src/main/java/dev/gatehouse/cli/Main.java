package dev.gatehouse.cli;

import dev.gatehouse.cli.commands.CommandContext;
import dev.gatehouse.cli.commands.CommandFactory;
import dev.gatehouse.cli.commands.GatehouseCommand;
import dev.gatehouse.cli.commands.GlobalOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code gatehouse} command. Every failure ends here: one line on standard error, {@code Error: …}, and the
 * exit code of its kind ({@link ExitCode}); the stack trace only with {@code --debug}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--debug"));
        System.exit(run(CliEnvironment.system(), args));
    }

    public static int run(CliEnvironment environment, String... args) {
        GlobalOptions options = new GlobalOptions();
        CommandContext context = new CommandContext(environment, options);
        CommandLine commandLine = new CommandLine(GatehouseCommand.class, new CommandFactory(context));
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        commandLine.setParameterExceptionHandler((problem, arguments) -> usageError(environment.err(), problem));
        commandLine.setExecutionExceptionHandler((failure, command, parsed) ->
                report(environment.err(), failure, options.debug()));
        return commandLine.execute(args);
    }

    private static int usageError(PrintStream err, ParameterException problem) {
        err.println("Error: " + oneLine(problem.getMessage()));
        err.println("Run '" + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static int report(PrintStream err, Exception failure, boolean debug) {
        if (failure instanceof ParameterException problem) {
            return usageError(err, problem);
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        if (failure instanceof CliException known) {
            err.println("Error: " + oneLine(known.getMessage()));
            err.flush();
            return known.exitCode().code();
        }
        err.println("Error: " + oneLine(failure.getClass().getSimpleName() + ": " + failure.getMessage())
                + (debug ? "" : " (run with --debug for details)"));
        err.flush();
        return ExitCode.UNEXPECTED.code();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * The SDK logs through SLF4J: silent by default, so a person sees only our one-line errors; with
     * {@code --debug}, everything at debug level on standard error.
     */
    private static void configureLogging(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }
}
