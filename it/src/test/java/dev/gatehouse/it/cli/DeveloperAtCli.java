package dev.gatehouse.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.Browser;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A Gatehouse with ed.developer holding PowerUserAccess in account 111122223333, and ed at a terminal with
 * {@code gatehouse} and, on another device, a browser to approve the codes it shows.
 */
final class DeveloperAtCli implements AutoCloseable {

    static final String ACCOUNT_ID = "111122223333";
    static final String ROLE_NAME = "PowerUserAccess";
    static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}/ed\\.developer");

    /** The verificationUriComplete, last line of the device-code message; whole once its newline came. */
    static final Pattern USER_CODE = Pattern.compile("/device\\?user_code=(\\S+)\\r?\\n");

    /**
     * The authorize URL a browser login prints on a line of its own; whole once its newline came. A browser (or a
     * test in its place) signs in there, and is sent back to the CLI's {@code redirect_uri}.
     */
    static final Pattern AUTHORIZE_URL = Pattern.compile("(?m)^(http\\S+/authorize\\?\\S+)\\r?\\n");

    private final RunningGatehouse server;
    private final Entitlement developer;
    private final GatehouseCli cli;

    private DeveloperAtCli(RunningGatehouse server, Entitlement developer, GatehouseCli cli) {
        this.server = server;
        this.developer = developer;
        this.cli = cli;
    }

    static DeveloperAtCli start(Path dataDir, Path home) {
        RunningGatehouse server = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        try {
            return new DeveloperAtCli(server, Entitlement.edDeveloperWithPowerUserAccess().createIn(server.services()),
                    new GatehouseCli(home));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    RunningGatehouse server() {
        return server;
    }

    GatehouseCli cli() {
        return cli;
    }

    Entitlement developer() {
        return developer;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    String startUrl() {
        return server.startUrl();
    }

    /** Runs a command that logs in with a device code, and ed approves the code it shows while it polls. */
    CliProcess.Result runApproving(String stdin, String... args) {
        return runDeciding("approve", stdin, args);
    }

    CliProcess.Result runDeciding(String decision, String stdin, String... args) {
        try (CliProcess process = cli.start(stdin, args)) {
            String userCode = process.awaitOutput(USER_CODE, GatehouseCli.TIMEOUT).group(1);
            decide(userCode, decision);
            return process.awaitExit(GatehouseCli.TIMEOUT);
        }
    }

    /** {@code configure sso} with flags only and a device-code login: a new session and a profile for ed's role. */
    CliProcess.Result configureWithFlags(String session, String profile) {
        return runApproving("", "configure", "sso", "--use-device-code", "--no-browser", "--sso-session", session,
                "--start-url", startUrl(), "--region", "us-east-1", "--account-id", ACCOUNT_ID, "--role-name",
                ROLE_NAME, "--profile", profile, "--endpoint-url", baseUrl());
    }

    private void decide(String userCode, String decision) {
        Browser.Page decided = Browser.decideAs(server.baseUrl(), developer, userCode, decision);
        assertThat(decided.status()).as("decision page:%n%s", decided.html()).isEqualTo(200);
    }

    @Override
    public void close() {
        server.close();
    }
}
