package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.Browser;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.tls.TestCertificateAuthority;
import dev.gatehouse.server.config.TlsConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * Issue 17, acceptance C: Gatehouse serving HTTPS itself from PEM files issued by a CA made for the test. The AWS
 * SDK for Java v2 and the AWS CLI 2.9.19 ({@code AWS_CA_BUNDLE}) log in over TLS, every cookie is {@code Secure},
 * the redirect port sends plain HTTP to https, and certificate files swapped under the running server are served
 * from the next connection on, with no restart.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TlsLoginTest {

    @TempDir
    Path serverDir;

    @TempDir
    Path tlsDir;

    @TempDir
    Path home;

    private TestCertificateAuthority ca;
    private TestCertificateAuthority.Issued first;
    private int redirectPort;
    private GatehouseWithDeveloper gatehouse;

    @BeforeEach
    void startOverTls() throws IOException {
        ca = TestCertificateAuthority.create();
        first = ca.issueServerCertificate(tlsDir, "server");
        try (ServerSocket free = new ServerSocket(0)) {
            redirectPort = free.getLocalPort();
        }
        gatehouse = GatehouseWithDeveloper.startWithTls(serverDir,
                new TlsConfig(first.certificateFile(), first.keyFile(), redirectPort), ca);
    }

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    @Test
    void sdkDeviceLoginOverHttpsThenRoleCredentialsWork() throws Exception {
        assertThat(gatehouse.baseUrl()).startsWith("https://localhost:");

        try (DeviceLogin login = new DeviceLogin(gatehouse.server())) {
            DeviceLogin.LoggedIn loggedIn = login.logIn(gatehouse.developer());
            RoleCredentials credentials = login.roleCredentials(loggedIn.accessToken(), gatehouse.developer());

            assertThat(login.callerIdentity(credentials).arn()).matches(ROLE_ARN);
        }
    }

    @Test
    @ExtendWith(AwsCliInstalled.class)
    void awsCliWithTheCaBundleLogsInOverHttpsAndWithoutItRefusesTheServer() {
        AwsCli aws = gatehouse.awsCliFor(home.resolve("trusting"));
        aws.writeConfig(gatehouse.devProfile());

        String output = gatehouse.logIn(aws, "--profile", "dev");

        assertThat(output).contains("Successfully logged into Start URL: " + gatehouse.startUrl());
        assertThat(aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output", "text")
                .assertSucceeded().stdout().strip()).matches(ROLE_ARN);

        AwsCli untrusting = AwsCli.forUser(home.resolve("untrusting"), gatehouse.baseUrl());
        untrusting.writeConfig(gatehouse.devProfile());
        CommandResult refused = untrusting.run("sso", "login", "--profile", "dev", "--no-browser").assertFailed();
        assertThat(refused.stderr()).contains("CERTIFICATE_VERIFY_FAILED");
    }

    @Test
    void everyCookieIsSecureAndEveryAnswerCarriesHsts() {
        Browser browser = Browser.at(gatehouse.server());

        HttpResponse<String> form = browser.getResponse("/signin?next=/start");
        HttpResponse<String> signedIn = browser.post("/signin", Map.of("username",
                gatehouse.developer().userName(), "password", gatehouse.developer().password(), "next", "/start",
                "csrf", new Browser.Page(form.statusCode(), null, form.body()).csrf()), Map.of());

        assertThat(signedIn.statusCode()).as("sign-in answer:%n%s", signedIn.body()).isEqualTo(303);
        List<String> cookies = new ArrayList<>(form.headers().allValues("Set-Cookie"));
        cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
        assertThat(cookies).as("the CSRF cookie, then the session's").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("gatehouse_session="));
        assertThat(form.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void plainHttpOnTheRedirectPortIsSentToTheSamePathOverHttps() throws Exception {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String redirectBase = "http://127.0.0.1:" + redirectPort;

        HttpResponse<String> get = plain.send(HttpRequest.newBuilder(URI.create(redirectBase + "/start?x=1")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = plain.send(HttpRequest.newBuilder(URI.create(redirectBase + "/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(301);
        assertThat(get.headers().firstValue("Location")).hasValue(gatehouse.baseUrl() + "/start?x=1");
        assertThat(post.statusCode()).as("a POST stays a POST").isEqualTo(308);
        assertThat(post.headers().firstValue("Location")).hasValue(gatehouse.baseUrl() + "/token");
    }

    @Test
    void swappedCertificateFilesAreServedFromTheNextConnectionWithoutRestart() throws Exception {
        assertThat(servedSerial()).isEqualTo(first.serial());

        TestCertificateAuthority.Issued renewed = ca.issueServerCertificate(tlsDir, "server");

        assertThat(renewed.serial()).isNotEqualTo(first.serial());
        assertThat(servedSerial()).as("the renewed certificate, on a new connection").isEqualTo(renewed.serial());
        try (DeviceLogin login = new DeviceLogin(gatehouse.server())) {
            assertThat(login.logIn(gatehouse.developer()).accessToken()).as("a login after the renewal")
                    .isNotBlank();
        }

        // Half a renewal (a certificate whose key has not been written yet) is not served: the last good pair is.
        Path otherDir = tlsDir.resolve("other");
        Files.createDirectories(otherDir);
        TestCertificateAuthority.Issued unpaired = ca.issueServerCertificate(otherDir, "server");
        TestCertificateAuthority.writeAtomically(first.certificateFile(),
                Files.readString(unpaired.certificateFile()));
        assertThat(servedSerial()).as("still the renewed certificate").isEqualTo(renewed.serial());

        TestCertificateAuthority.writeAtomically(first.keyFile(), Files.readString(unpaired.keyFile()));
        assertThat(servedSerial()).as("once its key is there too").isEqualTo(unpaired.serial());
    }

    /** The serial of the certificate a new TLS connection to the server is shown. */
    private BigInteger servedSerial() throws IOException {
        int port = URI.create(gatehouse.baseUrl()).getPort();
        try (SSLSocket socket = (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }
}
