package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.cache.RoleCredentials;
import dev.gatehouse.cli.config.IniSection;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoProfile;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The AWS CLI's {@code configure list}: where the profile, credentials and region come from. Credentials are
 * fetched as for any command; a session that needs a login shows them as not set rather than failing.
 */
@Command(name = "list", description = "Show the profile in use, its credentials (masked) and region, and where each comes from.")
final class ConfigureListCommand implements Callable<Integer> {

    private static final String NOT_SET = "<not set>";

    private final CommandContext context;

    ConfigureListCommand(CommandContext context) {
        this.context = context;
    }

    /** One line of the listing: name, value, type of source, and the source itself. */
    private record Row(String value, String type, String location) { }

    @Override
    public Integer call() {
        String profileName = context.profileName();
        IniSection section = context.profiles().section(profileName);
        PrintStream out = context.environment().out();
        print(out, "Name", new Row("Value", "Type", "Location"));
        print(out, "----", new Row("-----", "----", "--------"));
        print(out, "profile", profileRow());
        Row[] keys = credentialRows(profileName);
        print(out, "access_key", keys[0]);
        print(out, "secret_key", keys[1]);
        print(out, "region", regionRow(section));
        out.flush();
        return 0;
    }

    private Row profileRow() {
        if (context.options().profile().isPresent()) {
            return new Row(context.options().profile().get(), "manual", "--profile");
        }
        for (String variable : new String[] {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"}) {
            Optional<String> value = context.environment().variable(variable);
            if (value.isPresent()) {
                return new Row(value.get(), "env", variable);
            }
        }
        return new Row(NOT_SET, "None", "None");
    }

    private Row[] credentialRows(String profileName) {
        Row notSet = new Row(NOT_SET, "None", "None");
        SsoProfile profile;
        try {
            profile = context.profiles().ssoProfile(profileName);
        } catch (CliException notSso) {
            return new Row[] {notSet, notSet};
        }
        try (SsoConnection connection = context.connect(profile)) {
            RoleCredentials credentials = connection.roleCredentials().credentials(profile);
            return new Row[] {new Row(mask(credentials.accessKeyId()), "sso", ""),
                    new Row(mask(credentials.secretAccessKey()), "sso", "")};
        } catch (CliException e) {
            if (e.exitCode() != ExitCode.SESSION_EXPIRED) {
                throw e;
            }
            return new Row[] {notSet, notSet};
        }
    }

    private Row regionRow(IniSection section) {
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            Optional<String> value = context.environment().variable(variable);
            if (value.isPresent()) {
                return new Row(value.get(), "env", variable);
            }
        }
        return section.value("region")
                .map(region -> new Row(region, "config-file", configFileLabel()))
                .orElse(new Row(NOT_SET, "None", "None"));
    }

    /** The config file as the AWS CLI names it: the variable's value as given, else {@code ~/.aws/config}. */
    private String configFileLabel() {
        return context.environment().variable("AWS_CONFIG_FILE").orElse("~/.aws/config");
    }

    private static String mask(String value) {
        return "*".repeat(16) + value.substring(Math.max(0, value.length() - 4));
    }

    private static void print(PrintStream out, String name, Row row) {
        out.printf("%10s %24s %16s    %s\n", name, row.value(), row.type(), row.location());
    }
}
