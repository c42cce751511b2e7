package dev.gatehouse.it.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.Browser;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.tls.TestCertificateAuthority;
import dev.gatehouse.server.config.TlsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Gatehouse with ed.developer entitled to PowerUserAccess in account 111122223333, and ed at a browser
 * approving the codes the AWS CLI shows.
 */
final class GatehouseWithDeveloper implements AutoCloseable {

    static final String SSO_SESSION = "my-sso";
    static final String ACCOUNT_ID = "111122223333";
    static final String ROLE_NAME = "PowerUserAccess";

    /** A start URL of the shape AWS CLI 2.35.13 and later insist on, configured as this instance's alias. */
    static final String START_URL_ALIAS = "https://example.awsapps.com/start";

    /** What {@code sts get-caller-identity} must answer for ed in that role. */
    static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}/ed\\.developer");

    /** The last line of the CLI's device-code prompt, the verificationUriComplete; whole once the newline came. */
    private static final Pattern USER_CODE = Pattern.compile("/device\\?user_code=(\\S+)\\r?\\n");

    /**
     * The longest the CLI waits between polls here. It polls once before showing the code and again at once
     * after; Gatehouse answers that second poll {@code SlowDownException}, and from then on the CLI waits the
     * interval (1 s) plus 5 s. The server's clock stands still unless stepped, so after the approval it is stepped
     * by that much, or every later poll would look too soon as well.
     */
    private static final Duration CLI_POLL_WAIT = Duration.ofSeconds(1 + 5);

    private final RunningGatehouse server;
    private final Entitlement developer;
    private final TestCertificateAuthority ca;

    private GatehouseWithDeveloper(RunningGatehouse server, Entitlement developer, TestCertificateAuthority ca) {
        this.server = server;
        this.developer = developer;
        this.ca = ca;
    }

    static GatehouseWithDeveloper start(Path dataDir) {
        return withDeveloper(RunningGatehouse.onH2(dataDir, MutableClock.startingNow(), List.of(START_URL_ALIAS)),
                null);
    }

    /** Serving HTTPS with the certificate files {@code tls} names, which {@code ca} issued. */
    static GatehouseWithDeveloper startWithTls(Path dataDir, TlsConfig tls, TestCertificateAuthority ca) {
        return withDeveloper(RunningGatehouse.onH2WithTls(dataDir, MutableClock.startingNow(), tls, ca), ca);
    }

    private static GatehouseWithDeveloper withDeveloper(RunningGatehouse server, TestCertificateAuthority ca) {
        try {
            return new GatehouseWithDeveloper(server,
                    Entitlement.edDeveloperWithPowerUserAccess().viaGroup("Developers").createIn(server.services()),
                    ca);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    RunningGatehouse server() {
        return server;
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

    /** A user of this Gatehouse with their own home and AWS CLI, trusting its certificate when it serves https. */
    AwsCli awsCliFor(Path home) {
        Path caBundle = ca == null ? null : ca.writeBundle(home.resolve("gatehouse-ca.pem"));
        return AwsCli.forUser(home, server.baseUrl(), caBundle);
    }

    /** {@code ~/.aws/config} as {@code aws configure sso} writes it for profile {@code dev}. */
    String devProfile() {
        return devProfile(startUrl());
    }

    String devProfile(String startUrl) {
        return """
                [profile dev]
                sso_session = %s
                sso_account_id = %s
                sso_role_name = %s
                region = us-east-1
                output = json

                [sso-session %s]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """.formatted(SSO_SESSION, ACCOUNT_ID, ROLE_NAME, SSO_SESSION, startUrl);
    }

    /**
     * {@link #devProfile()} as {@code gatehouse configure sso} writes it: naming a {@code services} section that
     * sends current AWS tools (not 2.9.19, which ignores it) and {@code gatehouse} to this server.
     */
    String devProfileWithServices() {
        return devProfile().replace("output = json\n", """
                output = json
                services = gatehouse
                """) + """

                [services gatehouse]
                sso_oidc =
                  endpoint_url = %1$s
                sso =
                  endpoint_url = %1$s
                sts =
                  endpoint_url = %1$s
                """.formatted(baseUrl());
    }

    /** The same profile in the legacy layout: the start URL in the profile, no session, no refresh token. */
    String legacyDevProfile() {
        return """
                [profile dev]
                sso_start_url = %s
                sso_region = us-east-1
                sso_account_id = %s
                sso_role_name = %s
                region = us-east-1
                output = json
                """.formatted(startUrl(), ACCOUNT_ID, ROLE_NAME);
    }

    /** {@code aws sso login --no-browser args…}, with ed approving the code; returns what the CLI printed. */
    String logIn(AwsCli aws, String... args) {
        try (RunningCommand login = aws.start(Stream.concat(Stream.of("sso", "login", "--no-browser"),
                Stream.of(args)).toArray(String[]::new))) {
            approveCodeShownBy(login);
            int exitCode = login.awaitExit(AwsCli.TIMEOUT);
            assertThat(exitCode).as("exit code of aws sso login; it printed:%n%s", login.output()).isZero();
            return login.output();
        }
    }

    /** Reads the code a device login shows, then ed signs in, opens the link and approves, while the CLI polls. */
    String approveCodeShownBy(RunningCommand command) {
        return decideCodeShownBy(command, "approve");
    }

    /** As {@link #approveCodeShownBy}, answering {@code approve} or {@code deny}. */
    String decideCodeShownBy(RunningCommand command, String decision) {
        String userCode = command.awaitOutput(USER_CODE, AwsCli.TIMEOUT).group(1);
        Browser.Page decided = Browser.decideAs(server, developer, userCode, decision);
        assertThat(decided.status()).as("decision page:%n%s", decided.html()).isEqualTo(200);
        server.clock().advance(CLI_POLL_WAIT);
        return userCode;
    }

    @Override
    public void close() {
        server.close();
    }
}
