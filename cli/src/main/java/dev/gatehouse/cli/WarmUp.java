package dev.gatehouse.cli;

import dev.gatehouse.cli.sso.SdkClients;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Run once by {@code bin/gatehouse} after a build, under {@code -XX:ArchiveClassesAtExit}, to record the classes
 * a real command loads (picocli, the SDK clients, request marshalling) in a class-data archive that later runs
 * map instead of loading: it roughly halves the start-up of every command. It calls a port where nothing
 * listens, so it needs no server and changes nothing.
 */
public final class WarmUp {

    private static final Optional<URI> NOWHERE = Optional.of(URI.create("http://127.0.0.1:9"));

    private WarmUp() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        CliEnvironment quiet = new CliEnvironment(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "nohome"),
                new ByteArrayInputStream(new byte[0]), discard, discard, Clock.systemUTC());
        Main.run(quiet, "--help");
        Main.run(quiet, "configure", "export-credentials", "--profile", "none");
        attempt(() -> SdkClients.oidc(NOWHERE, "us-east-1").registerClient(r -> r.clientName("warm-up")
                .clientType("public")));
        attempt(() -> SdkClients.portal(NOWHERE, "us-east-1").getRoleCredentials(r -> r.accessToken("t")
                .accountId("111122223333").roleName("r")));
        attempt(() -> SdkClients.sts(NOWHERE, "us-east-1", StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDWARMUP", "secret"))).getCallerIdentity());
    }

    private static void attempt(Runnable call) {
        try {
            call.run();
        } catch (SdkException expected) {
            // Nothing listens there: the classes of the call are what was wanted.
        }
    }
}
