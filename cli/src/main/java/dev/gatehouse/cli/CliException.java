package dev.gatehouse.cli;

/**
 * A failure the person can act on: a one-line message (without the "Error: " prefix, which {@link Main}
 * adds) and the exit code of its kind. Anything else escaping a command is a bug and exits with
 * {@link ExitCode#UNEXPECTED}.
 */
public final class CliException extends RuntimeException {

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException unknownProfile(String profile) {
        return new CliException(ExitCode.UNKNOWN_PROFILE, "the profile '" + profile
                + "' does not exist. Run: gatehouse configure sso --profile " + profile);
    }

    public static CliException notConfiguredForSso(String profile) {
        return new CliException(ExitCode.NOT_CONFIGURED_FOR_SSO, "the profile '" + profile
                + "' has no SSO settings (sso_session, sso_account_id, sso_role_name). Run: gatehouse configure sso"
                + " --profile " + profile);
    }

    /** The one message for every session that needs a new login, naming the command that gives one. */
    public static CliException sessionExpired(String sessionLabel, String loginCommand) {
        return new CliException(ExitCode.SESSION_EXPIRED, "the SSO session '" + sessionLabel
                + "' has expired. Run: " + loginCommand);
    }

    public static CliException notLoggedIn(String sessionLabel, String loginCommand) {
        return new CliException(ExitCode.SESSION_EXPIRED, "not logged in to the SSO session '" + sessionLabel
                + "'. Run: " + loginCommand);
    }
}
