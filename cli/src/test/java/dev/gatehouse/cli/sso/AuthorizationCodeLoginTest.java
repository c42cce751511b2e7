package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.cache.Registration;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/**
 * The browser login against an SDK client stand-in (the end-to-end run against a real server and browser is in
 * {@code it}): what it registers, where it sends the browser, what it trades the code for, what it caches.
 */
class AuthorizationCodeLoginTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final SsoSession SESSION = new SsoSession("my-sso", "https://sso.example.com/start", "us-east-1",
            List.of("sso:account:access"));
    private static final Optional<URI> ENDPOINT = Optional.of(URI.create("http://localhost:8080/oidc"));
    private static final Pattern PRINTED_URL = Pattern.compile("^(http://\\S+/authorize\\?\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path cacheDirectory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void logInThenRegistersABrowserClientAsBotocoreDoes() {
        FakeOidc oidc = FakeOidc.issuing();

        login(oidc).logIn(SESSION, Optional.of(new ReturningBrowser("the-code")), 0);

        assertThat(oidc.registrations).singleElement().satisfies(request -> {
            assertThat(request.clientName()).isEqualTo("gatehouse-cli-my-sso");
            assertThat(request.clientType()).isEqualTo("public");
            assertThat(request.grantTypes()).containsExactly("authorization_code", "refresh_token");
            assertThat(request.redirectUris()).containsExactly("http://127.0.0.1/oauth/callback");
            assertThat(request.issuerUrl()).isEqualTo(SESSION.startUrl());
            assertThat(request.scopes()).containsExactly("sso:account:access");
        });
    }

    @Test
    void logInThenTheBrowserOpensAuthorizeAtTheEndpointsOriginAndTheUrlIsPrintedToo() {
        ReturningBrowser browser = new ReturningBrowser("the-code");

        login(FakeOidc.issuing()).logIn(SESSION, Optional.of(browser), 0);

        URI opened = URI.create(browser.opened.getFirst());
        Map<String, String> query = query(opened);
        assertThat(opened.toString()).startsWith("http://localhost:8080/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "client-1")
                .containsEntry("code_challenge_method", "S256").containsEntry("scopes", "sso:account:access")
                .containsKeys("state", "code_challenge");
        assertThat(query.get("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("If the browser does not open, open the following URL")
                .contains("\n" + opened + "\n");
    }

    @Test
    void logInThenTradesTheCodeWithTheVerifierOfTheChallengeAndTheSameRedirectUri() {
        FakeOidc oidc = FakeOidc.issuing();
        ReturningBrowser browser = new ReturningBrowser("the-code");

        login(oidc).logIn(SESSION, Optional.of(browser), 0);

        Map<String, String> query = query(URI.create(browser.opened.getFirst()));
        CreateTokenRequest request = oidc.tokenRequests.getFirst();
        assertThat(request.grantType()).isEqualTo("authorization_code");
        assertThat(request.code()).isEqualTo("the-code");
        assertThat(request.clientId()).isEqualTo("client-1");
        assertThat(request.clientSecret()).isEqualTo("secret-1");
        assertThat(request.redirectUri()).isEqualTo(query.get("redirect_uri"));
        assertThat(Pkce.challengeOf(request.codeVerifier())).isEqualTo(query.get("code_challenge"));
    }

    @Test
    void logInThenTheTokenAndTheRegistrationAreCachedWhereTheAwsCliLooks() {
        SsoCache cache = new SsoCache(cacheDirectory);

        SsoToken returned = login(FakeOidc.issuing()).logIn(SESSION, Optional.of(new ReturningBrowser("c")), 0);

        Instant registrationExpiry = Instant.ofEpochSecond(FakeOidc.SECRET_EXPIRES_AT);
        assertThat(cache.token(SESSION.tokenKey())).contains(returned).get().isEqualTo(new SsoToken(
                SESSION.startUrl(), "us-east-1", "a1", NOW.plusSeconds(3600), "client-1", "secret-1",
                registrationExpiry, "r1"));
        assertThat(cache.registration(SESSION.authorizationCodeRegistrationKey())).contains(new Registration(
                "client-1", "secret-1", registrationExpiry, List.of("sso:account:access"),
                List.of("authorization_code", "refresh_token")));
        assertThat(cache.registration(SESSION.registrationKey())).as("the device flow's file is left alone")
                .isEmpty();
    }

    @Test
    void logInAgainThenTheCachedBrowserClientIsReused() {
        FakeOidc oidc = FakeOidc.issuing();
        login(oidc).logIn(SESSION, Optional.of(new ReturningBrowser("c1")), 0);

        login(oidc).logIn(SESSION, Optional.of(new ReturningBrowser("c2")), 0);

        assertThat(oidc.registrations).hasSize(1);
        assertThat(oidc.tokenRequests).extracting(CreateTokenRequest::clientId).containsExactly("client-1",
                "client-1");
    }

    @Test
    void logInWhenOnlyADeviceCodeClientIsCachedThenABrowserClientIsRegistered() {
        SsoCache cache = new SsoCache(cacheDirectory);
        Registration device = new Registration("device-client", "s", NOW.plus(Duration.ofDays(80)),
                List.of("sso:account:access"), null);
        cache.saveRegistration(SESSION.registrationKey(), device);
        FakeOidc oidc = FakeOidc.issuing();

        login(oidc).logIn(SESSION, Optional.of(new ReturningBrowser("c")), 0);

        assertThat(oidc.tokenRequests.getFirst().clientId()).isEqualTo("client-1");
        assertThat(cache.registration(SESSION.registrationKey())).contains(device);
    }

    @Test
    void logInWithoutABrowserThenOnlyTheUrlIsPrintedAndTheLoginWaitsForIt() throws Exception {
        UrlWatcher watcher = new UrlWatcher();
        PrintStream out = new PrintStream(watcher, true, StandardCharsets.UTF_8);
        AuthorizationCodeLogin login = new AuthorizationCodeLogin(new SsoCache(cacheDirectory),
                FakeOidc.issuing().client(), ENDPOINT, Clock.fixed(NOW, ZoneOffset.UTC), out, new SecureRandom(),
                Duration.ofSeconds(30));

        Future<SsoToken> loggingIn = CompletableFuture.supplyAsync(() -> login.logIn(SESSION, Optional.empty(), 0));
        URI printedUrl = URI.create(watcher.url.get(10, TimeUnit.SECONDS));
        returnTo(printedUrl, "the-code");

        assertThat(loggingIn.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("a1");
        assertThat(watcher.text()).startsWith("Browser will not be automatically opened.")
                .contains("ssh -L " + URI.create(query(printedUrl).get("redirect_uri")).getPort());
    }

    @Test
    void logInWhenTheBrowserComesBackWithAnErrorThenLoginFailedAndNothingCached() {
        FakeOidc oidc = FakeOidc.issuing();
        BrowserOpener refusing = new ReturningBrowser(null);

        assertThatThrownBy(() -> login(oidc).logIn(SESSION, Optional.of(refusing), 0))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
                    assertThat(e.getMessage()).contains("access_denied: The user declined");
                });
        assertThat(oidc.tokenRequests).isEmpty();
        assertThat(new SsoCache(cacheDirectory).token(SESSION.tokenKey())).isEmpty();
    }

    @Test
    void logInWhenTheServerRefusesTheCodeThenLoginFailed() {
        FakeOidc oidc = new FakeOidc(request -> {
            throw InvalidGrantException.builder().message("the code has expired").build();
        });

        assertThatThrownBy(() -> login(oidc).logIn(SESSION, Optional.of(new ReturningBrowser("c")), 0))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
                    assertThat(e.getMessage()).startsWith("the server refused the code the browser brought back")
                            .contains("the code has expired");
                });
    }

    private AuthorizationCodeLogin login(FakeOidc oidc) {
        return new AuthorizationCodeLogin(new SsoCache(cacheDirectory), oidc.client(), ENDPOINT,
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(printed, true, StandardCharsets.UTF_8),
                new SecureRandom(), Duration.ofSeconds(30));
    }

    /** Follows the redirect the server would send after sign-in: the code (or, for null, a refusal) and the state. */
    private void returnTo(URI authorize, String code) {
        Map<String, String> query = query(authorize);
        String answer = code != null ? "code=" + code
                : "error=access_denied&error_description=The%20user%20declined";
        try {
            http.send(HttpRequest.newBuilder(URI.create(query.get("redirect_uri") + "?" + answer + "&state="
                    + AuthorizationRequest.percentEncoded(query.get("state")))).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A browser in which the person has signed in already: it goes straight back to the CLI. */
    private final class ReturningBrowser implements BrowserOpener {

        final List<String> opened = new ArrayList<>();
        private final String code;

        ReturningBrowser(String code) {
            this.code = code;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public boolean open(String url) {
            opened.add(url);
            returnTo(URI.create(url), code);
            return true;
        }
    }

    /** Standard output that notices the authorize URL as soon as its line is printed. */
    private static final class UrlWatcher extends OutputStream {

        final CompletableFuture<String> url = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (b == '\n') {
                Matcher matcher = PRINTED_URL.matcher(text());
                if (matcher.find()) {
                    url.complete(matcher.group(1));
                }
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
