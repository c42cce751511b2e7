package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.cache.SsoToken;
import dev.gatehouse.cli.sso.BrowserOpener;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoSession;
import dev.gatehouse.cli.sso.SystemBrowser;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How {@code sso login} and {@code configure sso} log in, as the AWS CLI ≥ 2.22 does: in the browser (PKCE) by
 * default, with the device code when asked or when the profile has no sso-session (the browser flow needs one).
 */
final class LoginOptions {

    @Option(names = "--use-device-code",
            description = "Log in with a device code shown here and approved in any browser, on any machine"
                    + " (for headless machines), instead of the browser sign-in that returns to this machine.")
    boolean useDeviceCode;

    @Option(names = "--no-browser",
            description = "Do not try to open a browser; only print the link (and, with --use-device-code, the code).")
    boolean noBrowser;

    @Option(names = "--callback-port", paramLabel = "PORT",
            description = "The port on 127.0.0.1 where the browser comes back (default: any free port). Fix it to"
                    + " forward it from another machine, e.g. ssh -L PORT:127.0.0.1:PORT.")
    Integer callbackPort;

    /** The flag problems that need no session: reported before anything is asked or sent. */
    void check() {
        if (callbackPort == null) {
            return;
        }
        if (callbackPort < 1 || callbackPort > 65535) {
            throw CliException.usage("--callback-port must be between 1 and 65535, not " + callbackPort);
        }
        if (useDeviceCode) {
            throw CliException.usage("--callback-port is for the browser login; it cannot be combined with"
                    + " --use-device-code");
        }
    }

    SsoToken logIn(CommandContext context, SsoConnection connection, SsoSession session) {
        check();
        Optional<BrowserOpener> browser = noBrowser ? Optional.empty()
                : Optional.of(new SystemBrowser(context.environment()));
        if (!useDeviceCode && session.name() != null) {
            return connection.authorizationCodeLogin().logIn(session, browser, callbackPort == null ? 0 : callbackPort);
        }
        if (callbackPort != null) {
            throw CliException.usage("--callback-port is for the browser login, which needs an sso-session; '"
                    + session.label() + "' is a legacy profile without one, and logs in with a device code");
        }
        return connection.deviceCodeLogin().logIn(session, browser);
    }
}
