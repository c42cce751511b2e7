package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The browser's way back: one answer, with this login's state, on 127.0.0.1. */
class LoopbackCallbackTest {

    private static final String STATE = "the-state";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient browser = HttpClient.newHttpClient();
    private LoopbackCallback callback = LoopbackCallback.listen(0, STATE);

    @AfterEach
    void close() {
        callback.close();
    }

    @Test
    void redirectUriThenTheLoopbackAddressWithTheListenersPortAndTheCallbackPath() {
        URI redirect = callback.redirectUri();

        assertThat(redirect.toString()).matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback");
        assertThat(redirect.getPort()).isPositive();
    }

    @Test
    void callbackWithThisLoginsStateThenTheCodeAndAPageSayingTheWindowCanClose() throws Exception {
        HttpResponse<String> page = visit("?code=the-code&state=" + STATE);

        assertThat(callback.awaitCode(WAIT)).isEqualTo("the-code");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Login complete").contains("You can close this window");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .startsWith("default-src 'none'; style-src 'sha256-");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void callbackWithAnotherStateThenRefusedAndTheLoginFails() throws Exception {
        HttpResponse<String> page = visit("?code=planted-code&state=someone-elses");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("does not belong to the login");
        assertThatThrownBy(() -> callback.awaitCode(WAIT)).isInstanceOf(CliException.class)
                .hasMessageContaining("does not belong to this login")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.LOGIN_FAILED));
    }

    @Test
    void callbackWithoutStateThenRefused() throws Exception {
        assertThat(visit("?code=planted-code").statusCode()).isEqualTo(400);

        assertThatThrownBy(() -> callback.awaitCode(WAIT)).hasMessageContaining("state does not match");
    }

    @Test
    void callbackWithAnErrorThenTheLoginFailsWithTheErrorAndItsDescriptionEscapedOnThePage() throws Exception {
        HttpResponse<String> page = visit("?error=access_denied&error_description=%3Cb%3ENo%3C%2Fb%3E+consent"
                + "&state=" + STATE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Login failed").contains("access_denied: &lt;b&gt;No&lt;/b&gt; consent")
                .doesNotContain("<b>");
        assertThatThrownBy(() -> callback.awaitCode(WAIT)).isInstanceOf(CliException.class)
                .hasMessage("the login was refused in the browser: access_denied: <b>No</b> consent. Run the login"
                        + " again.")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.LOGIN_FAILED));
    }

    @Test
    void secondCallbackThenAnsweredAsAlreadyOverAndTheFirstCodeStands() throws Exception {
        visit("?code=first&state=" + STATE);

        HttpResponse<String> second = visit("?code=second&state=" + STATE);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(callback.awaitCode(WAIT)).isEqualTo("first");
    }

    @Test
    void requestsThatAreNoAnswerThenNotCountedAndTheRealAnswerStillWorks() throws Exception {
        assertThat(browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + callback.redirectUri().getPort() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(visit("").statusCode()).as("neither code nor error").isEqualTo(400);

        visit("?code=the-code&state=" + STATE);

        assertThat(callback.awaitCode(WAIT)).isEqualTo("the-code");
    }

    @Test
    void awaitCodeWhenNoAnswerComesInTimeThenTheLoginFails() {
        assertThatThrownBy(() -> callback.awaitCode(Duration.ofMillis(20))).isInstanceOf(CliException.class)
                .hasMessageContaining("the browser did not come back to " + callback.redirectUri())
                .hasMessageContaining("--use-device-code")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.LOGIN_FAILED));
    }

    @Test
    void listenOnAFixedPortThenTheRedirectUriCarriesIt() throws Exception {
        callback.close();
        int port = freePort();

        callback = LoopbackCallback.listen(port, STATE);

        assertThat(callback.redirectUri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/oauth/callback"));
    }

    @Test
    void listenOnAPortInUseThenALoginFailureNamingTheOption() {
        int taken = callback.redirectUri().getPort();

        assertThatThrownBy(() -> LoopbackCallback.listen(taken, STATE)).isInstanceOf(CliException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
                .hasMessageContaining("Choose another --callback-port");
    }

    private HttpResponse<String> visit(String query) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(callback.redirectUri() + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
