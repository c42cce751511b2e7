package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.oidc.AuthorizationCode;
import dev.gatehouse.core.oidc.AuthorizationCodeRepository;
import dev.gatehouse.store.testing.TestAuthorizationCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

public interface AuthorizationCodeContract extends StoreContract {

    private AuthorizationCodeRepository codes() {
        return store().authorizationCodes();
    }

    @Test
    default void insertedAuthorizationCodeReadsBackWithEveryField() {
        AuthorizationCode code = new AuthorizationCode("code-hash", "client-1", "user-1",
                "http://127.0.0.1:53219/oauth/callback", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                List.of("sso:account:access", "openid"), NOW, NOW.plusSeconds(300), NOW.plusSeconds(1), "session-1");
        codes().insert(code);

        assertThat(codes().findByCodeHash("code-hash")).contains(code);
        assertThat(codes().findByCodeHash("other-hash")).isEmpty();
    }

    @Test
    default void markUsedRecordsWhenAndWhichSessionOnlyOnce() {
        AuthorizationCode code = TestAuthorizationCodes.unused();
        codes().insert(code);
        Instant redeemedAt = NOW.plusSeconds(2);

        assertThat(codes().markUsed(code.codeHash(), "session-1", redeemedAt)).isTrue();
        assertThat(codes().markUsed(code.codeHash(), "session-2", NOW.plusSeconds(3))).isFalse();

        assertThat(codes().findByCodeHash(code.codeHash())).contains(new AuthorizationCode(code.codeHash(),
                code.clientId(), code.userId(), code.redirectUri(), code.codeChallenge(), code.scopes(),
                code.createdAt(), code.expiresAt(), redeemedAt, "session-1"));
    }

    @Test
    default void markUsedOfUnknownCodeDoesNothing() {
        assertThat(codes().markUsed("no-such-hash", "session-1", NOW)).isFalse();
    }

    @Test
    default void racingRedemptionsMarkOneCodeUsedOnce() throws Exception {
        AuthorizationCode code = TestAuthorizationCodes.unused();
        codes().insert(code);
        int redemptions = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();

        List<Boolean> marked = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(redemptions)) {
            for (int i = 0; i < redemptions; i++) {
                String sessionId = "session-" + i;
                Callable<Boolean> redeem = () -> {
                    start.await();
                    return codes().markUsed(code.codeHash(), sessionId, NOW.plusSeconds(1));
                };
                results.add(clients.submit(redeem));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                marked.add(result.get());
            }
        }

        assertThat(marked).containsOnlyOnce(true);
    }
}
