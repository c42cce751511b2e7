package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.RunningServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a TLS-terminating proxy (public URL https, Gatehouse itself on plain HTTP): every answer carries HSTS and
 * Secure cookies, and a request the trusted proxy says came in plain ({@code X-Forwarded-Proto: http}) is sent to
 * the https public URL. The same header from a peer that is not a trusted proxy changes nothing.
 */
class ReverseProxyModeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PUBLIC_URL = "https://sso.example.com";

    /** The test plays the proxy, from the loopback address. */
    @RegisterExtension
    static final RunningServer behindProxy = new RunningServer(config -> config.toBuilder()
            .http(config.http().withPublicUrl(PUBLIC_URL)
                    .withTrustedProxies(TrustedProxies.of(List.of("127.0.0.1")))).build());

    /** The proxy is elsewhere; the loopback peer is a client speaking for itself. */
    @RegisterExtension
    static final RunningServer proxyElsewhere = new RunningServer(config -> config.toBuilder()
            .http(config.http().withPublicUrl(PUBLIC_URL)
                    .withTrustedProxies(TrustedProxies.of(List.of("192.0.2.10")))).build());

    @Test
    void plainRequestThroughTheTrustedProxyIsRedirectedToThePublicUrl() throws Exception {
        HttpResponse<String> answer = get(behindProxy, "/start?x=1", "http");

        assertThat(answer.statusCode()).isEqualTo(301);
        assertThat(answer.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/start?x=1");
    }

    @Test
    void httpsRequestThroughTheProxyIsServedWithHstsAndSecureCookies() throws Exception {
        HttpResponse<String> answer = get(behindProxy, "/signin", "https");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(answer.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
    }

    @Test
    void forwardedProtoFromAnUntrustedPeerIsIgnored() throws Exception {
        HttpResponse<String> answer = get(proxyElsewhere, "/healthz", "http");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    private static HttpResponse<String> get(RunningServer server, String path, String forwardedProto)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path)).header("X-Forwarded-Proto", forwardedProto)
                .header("X-Forwarded-For", "198.51.100.7").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
