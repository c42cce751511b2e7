package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.cache.SsoToken;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/** Refreshing under the lock: a refresh token is sent once, however many callers need a new access token. */
class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final SsoSession SESSION = new SsoSession("my-sso", "http://localhost/start", "us-east-1",
            List.of("sso:account:access"));

    @TempDir
    Path cacheDirectory;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void accessTokenWhenFarFromExpiryThenNoRefresh() {
        SsoCache cache = cacheWith(token("a1", NOW.plus(Duration.ofMinutes(50)), "r1"));
        AtomicInteger refreshes = new AtomicInteger();

        assertThat(tokens(cache, rotatingServer(refreshes)).accessToken(SESSION)).isEqualTo("a1");
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void accessTokenWhenManyCallersFindItExpiringThenOneRefreshAndAllGetTheNewToken() throws Exception {
        SsoCache cache = cacheWith(token("a1", NOW.plus(Duration.ofMinutes(5)), "r1"));
        AtomicInteger refreshes = new AtomicInteger();
        SessionTokens tokens = tokens(cache, rotatingServer(refreshes));
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return tokens.accessToken(SESSION);
            }));
        }
        start.countDown();
        for (Future<String> result : results) {
            assertThat(result.get()).isEqualTo("a2");
        }
        pool.shutdown();

        assertThat(refreshes).hasValue(1);
        assertThat(cache.token(SESSION.tokenKey())).get().satisfies(token -> {
            assertThat(token.refreshToken()).isEqualTo("r2");
            assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        });
    }

    @Test
    void afterRejectionWhenAnotherProcessAlreadyRefreshedThenItsTokenWithoutSpendingTheRefreshToken() {
        SsoCache cache = cacheWith(token("a2", NOW.plus(Duration.ofMinutes(59)), "r2"));
        AtomicInteger refreshes = new AtomicInteger();

        assertThat(tokens(cache, rotatingServer(refreshes)).afterRejection(SESSION, "a1")).isEqualTo("a2");
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void afterRejectionWhenTheRefreshIsRefusedThenSessionExpiredNamingTheLogin() {
        SsoCache cache = cacheWith(token("a1", NOW.plus(Duration.ofMinutes(59)), "r1"));
        SsoOidcClient refusing = oidc(request -> {
            throw InvalidGrantException.builder().message("spent").build();
        });

        assertThatThrownBy(() -> tokens(cache, refusing).afterRejection(SESSION, "a1"))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.SESSION_EXPIRED);
                    assertThat(e.getMessage()).isEqualTo("the SSO session 'my-sso' has expired. Run: gatehouse sso"
                            + " login --sso-session my-sso");
                });
    }

    @Test
    void accessTokenWhenExpiredAndNotRefreshableThenSessionExpired() {
        SsoCache cache = cacheWith(token("a1", NOW.minusSeconds(1), null));

        assertThatThrownBy(() -> tokens(cache, rotatingServer(new AtomicInteger())).accessToken(SESSION))
                .isInstanceOfSatisfying(CliException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SESSION_EXPIRED));
    }

    private SessionTokens tokens(SsoCache cache, SsoOidcClient oidc) {
        return new SessionTokens(cache, clock, oidc, Optional.empty(), "gatehouse sso login --sso-session my-sso");
    }

    private SsoCache cacheWith(SsoToken token) {
        SsoCache cache = new SsoCache(cacheDirectory);
        cache.saveToken(SESSION.tokenKey(), token);
        return cache;
    }

    private static SsoToken token(String accessToken, Instant expiresAt, String refreshToken) {
        return new SsoToken(SESSION.startUrl(), SESSION.region(), accessToken, expiresAt, "client", "secret",
                NOW.plus(Duration.ofDays(80)), refreshToken);
    }

    /** A server that rotates: r1 → (a2, r2); any other refresh token is refused as spent. */
    private static SsoOidcClient rotatingServer(AtomicInteger refreshes) {
        return oidc(request -> {
            refreshes.incrementAndGet();
            if (!"r1".equals(request.refreshToken())) {
                throw InvalidGrantException.builder().message("spent").build();
            }
        });
    }

    private static SsoOidcClient oidc(Consumer<CreateTokenRequest> check) {
        return (SsoOidcClient) Proxy.newProxyInstance(SsoOidcClient.class.getClassLoader(),
                new Class<?>[] {SsoOidcClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createToken") || !(args[0] instanceof Consumer<?> build)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    CreateTokenRequest.Builder builder = CreateTokenRequest.builder();
                    @SuppressWarnings("unchecked")
                    Consumer<CreateTokenRequest.Builder> consumer = (Consumer<CreateTokenRequest.Builder>) build;
                    consumer.accept(builder);
                    CreateTokenRequest request = builder.build();
                    check.accept(request);
                    return CreateTokenResponse.builder().accessToken("a2").refreshToken("r2").expiresIn(3600).build();
                });
    }
}
