package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body larger than the server reads is refused with 413 in the protocol's own error format, without a stack trace
 * in the log: a client sending one is misbehaving, not finding a bug.
 */
class OversizedBodyTest {

    private static final byte[] TWO_MEGABYTES = body(2 * 1024 * 1024);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningServer gatehouse = new RunningServer();

    @ParameterizedTest
    @ValueSource(strings = {"/client/register", "/token"})
    void ssoOidcWhenBodyIsTwoMegabytesThenContentTooLargeAsOauthJson(String path) throws Exception {
        Logged logged = new Logged();
        HttpResponse<String> response = logged.during(() -> post(path, "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("error").textValue()).isEqualTo("invalid_request");
        assertThat(body.path("error_description").textValue()).isNotBlank();
        logged.assertAtMostOneLineWithoutStackTrace();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/authz/v1/authorize"})
    void authorizationApiWhenBodyIsTwoMegabytesThenContentTooLargeAsJson(String path) throws Exception {
        Logged logged = new Logged();
        HttpResponse<String> response = logged.during(() -> post(path, "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
        assertThat(Json.MAPPER.readTree(response.body()).path("message").textValue()).isNotBlank();
        logged.assertAtMostOneLineWithoutStackTrace();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/"})
    void stsWhenBodyIsTwoMegabytesThenContentTooLargeAsErrorResponseXml(String path) throws Exception {
        Logged logged = new Logged();
        HttpResponse<String> response = logged.during(
                () -> post(path, "application/x-www-form-urlencoded; charset=utf-8"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body())
                .startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Type>Sender</Type>")
                .contains("<RequestId>" + response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                        + "</RequestId>");
        logged.assertAtMostOneLineWithoutStackTrace();
    }

    private static HttpResponse<String> post(String path, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gatehouse.uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TWO_MEGABYTES)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return body;
    }

    /** What the server writes to standard error (where the log goes) while a request is answered. */
    private static final class Logged {

        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

        <T> T during(Exchange<T> exchange) throws Exception {
            PrintStream original = System.err;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                return exchange.run();
            } finally {
                System.setErr(original);
            }
        }

        void assertAtMostOneLineWithoutStackTrace() {
            // Jazzer, loaded for the fuzz tests in this JVM, reports each class it instruments on first load.
            List<String> log = captured.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("INFO: Instrumented "))
                    // Every request has its own line (RequestLog); the failure may add one more.
                    .filter(line -> !line.contains(RequestLog.class.getName() + " - ")).toList();
            assertThat(log).hasSizeLessThanOrEqualTo(1);
            assertThat(log).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        }
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run() throws Exception;
    }
}
