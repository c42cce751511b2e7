package dev.gatehouse.cli;

/**
 * What a script sees when a command fails: one code per kind of problem, so it can react without parsing
 * the message. docs/cli.md lists them; keep the two in step.
 */
public enum ExitCode {
    OK(0),
    /** A failure nobody foresaw: the message says what, {@code --debug} shows the stack trace. */
    UNEXPECTED(1),
    /** The command line itself is wrong: an unknown option, a missing value, conflicting flags. */
    USAGE(2),
    /** {@code --profile} or {@code AWS_PROFILE} names a profile that no config file has. */
    UNKNOWN_PROFILE(3),
    /** The profile or sso-session exists but lacks the SSO settings the command needs. */
    NOT_CONFIGURED_FOR_SSO(4),
    /** No usable token for the SSO session: never logged in, logged out, or expired beyond refresh. */
    SESSION_EXPIRED(5),
    /** The Gatehouse endpoint did not answer (refused connection, unknown host, timeout). */
    SERVER_UNREACHABLE(6),
    /** The signed-in person may not use that role in that account. */
    ROLE_ACCESS_DENIED(7),
    /**
     * The login did not finish: refused in the browser or at the approval page, a device code expired unused, a
     * browser answer that belongs to another login, or no answer in time.
     */
    LOGIN_FAILED(8),
    /** The server refused a request for another reason; its error code is in the message. */
    SERVICE_ERROR(9);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
