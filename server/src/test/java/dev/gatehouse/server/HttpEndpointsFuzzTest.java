package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary requests through the real server on loopback to the endpoints that face clients: the sso-oidc JSON
 * endpoints, the portal API (bearer header and query parameters) and the STS form endpoint. Whatever arrives, the
 * answer comes within the client's timeout and is never a 5xx without an {@code x-amzn-RequestId} to find it by.
 * The request's framing (Content-Length, one request per connection) is kept valid, so a wait is the server's.
 */
class HttpEndpointsFuzzTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> TARGETS = List.of("POST /client/register", "POST /device_authorization",
            "POST /token", "GET /assignment/accounts", "GET /assignment/roles", "GET /federation/credentials",
            "POST /logout", "POST /", "GET /");
    private static final List<String> CONTENT_TYPES = List.of("application/json",
            "application/x-www-form-urlencoded; charset=utf-8", "application/x-amz-json-1.1", "text/plain", "");
    private static final List<String> HEADERS = List.of("x-amz-sso_bearer_token", "Authorization", "X-Amz-Date",
            "X-Amz-Security-Token", "X-Forwarded-For", "Accept", "Content-Encoding", "X-Amz-Target", "Cookie");

    private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1");

    private static Path dataDir;
    private static Services services;
    private static GatehouseServer server;
    private static String accessToken;

    @BeforeAll
    static void startServer() throws IOException {
        dataDir = Files.createTempDirectory("gatehouse-http-fuzz");
        GatehouseConfig config = GatehouseConfig.defaults(dataDir).toBuilder()
                .http(HttpConfig.LOOPBACK_ON_FREE_PORT).build();
        services = Services.open(config, Clock.systemUTC());
        server = GatehouseServer.start(services);
        accessToken = signedInAccessToken();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        services.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        }
    }

    /** A real access token, so fuzzed query parameters get past the bearer check some of the time. */
    private static String signedInAccessToken() {
        RequestContext setup = RequestContext.commandLine("http-fuzz-setup");
        services.core().identityStore().createUser(new IdentityStoreService.NewUser("ed.developer", null, "Ed",
                "Developer",
                "ed@example.com", false), Actor.administratorCli(), setup);
        User ed = services.store().users().findByUserName("ed.developer").orElseThrow();
        ClientRegistrations.Registered client = services.core().clients().register(new ClientRegistrations.Request(
                "http-fuzz", "public", List.of(), null, null, null), setup);
        DeviceAuthorizations.Started device = services.core().devices().start(client.client().clientId(),
                client.clientSecret(), services.instance().portalUrl(), setup);
        services.core().devices().approve(device.userCode(), ed, setup);
        return services.core().tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.DEVICE_CODE, device.deviceCode(), null, null, null, null, null), setup).accessToken();
    }

    @FuzzTest(maxDuration = "10s")
    void anyRequestIsAnsweredInTimeAndNever5xxWithoutRequestId(FuzzedDataProvider data) throws IOException {
        String[] target = data.pickValue(TARGETS).split(" ");
        String query = data.consumeBoolean() ? "?" + headerValue(data.consumeString(200)) : "";
        StringBuilder headers = new StringBuilder();
        String contentType = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : headerValue(data.consumeString(60));
        if (!contentType.isEmpty()) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (data.consumeBoolean()) {
            headers.append("x-amz-sso_bearer_token: ").append(accessToken).append("\r\n");
        }
        int extra = data.consumeInt(0, 3);
        for (int i = 0; i < extra; i++) {
            headers.append(data.pickValue(HEADERS)).append(": ").append(headerValue(data.consumeString(300)))
                    .append("\r\n");
        }
        byte[] body = data.consumeRemainingAsBytes();

        String response;
        // Jazzer's request-forgery detector refuses any connection the fuzz test has not said it expects.
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host))) {
            response = exchange(target[0], target[1] + query, headers.toString(), body);
        }

        assertThat(response).as("status line").startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(response.substring(9, 12));
        if (status >= 500) {
            assertThat(response.toLowerCase(Locale.ROOT)).as("a %d carries its request id:%n%s", status, response)
                    .contains("\r\nx-amzn-requestid: ");
        }
    }

    /** Characters a header value (and, percent-free, a query) may hold: no line breaks, nothing outside Latin-1. */
    private static String headerValue(String raw) {
        StringBuilder value = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> c >= 0x20 && c < 0x7f && c != ' ' || c == '\t').forEach(value::appendCodePoint);
        return value.toString();
    }

    private static String exchange(String method, String pathAndQuery, String headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) CLIENT_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + headers + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readAll(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete answer within " + CLIENT_TIMEOUT + " to " + method + " "
                    + pathAndQuery, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
