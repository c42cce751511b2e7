package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.signin.PendingSignIn;
import dev.gatehouse.core.signin.RememberedBrowser;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pending sign-ins and remembered browsers: MFA's two short records keyed by the hash of a cookie value. */
public interface PendingSignInContract extends StoreContract {

    private User storedUser(String userName) {
        User user = TestUsers.user(userName);
        store().users().insert(user);
        return user;
    }

    private static PendingSignIn pending(User user, String hash, Duration lifetime) {
        return new PendingSignIn(hash, user.userId(), PendingSignIn.Purpose.SECOND_FACTOR, NOW, NOW.plus(lifetime));
    }

    @Test
    default void pendingSignInReadsBackWithEveryField() {
        User ed = storedUser("ed.developer");
        PendingSignIn secondFactor = pending(ed, "hash-1", Duration.ofMinutes(5));
        PendingSignIn enrolment = new PendingSignIn("hash-2", ed.userId(), PendingSignIn.Purpose.ENROLMENT,
                NOW.plusNanos(1), NOW.plusSeconds(301));
        store().pendingSignIns().insert(secondFactor);
        store().pendingSignIns().insert(enrolment);

        assertThat(store().pendingSignIns().find("hash-1")).contains(secondFactor);
        assertThat(store().pendingSignIns().find("hash-2")).contains(enrolment);
        assertThat(store().pendingSignIns().find("no-such-hash")).isEmpty();
    }

    @Test
    default void pendingSignInOfNoSuchUserIsNotFound() {
        notFound(() -> store().pendingSignIns().insert(new PendingSignIn("hash-1", "no-such-user",
                PendingSignIn.Purpose.SECOND_FACTOR, NOW, NOW.plusSeconds(300))));
    }

    @Test
    default void racingDeletesOfOnePendingSignInHaveExactlyOneWinner() throws Exception {
        User ed = storedUser("ed.developer");
        store().pendingSignIns().insert(pending(ed, "hash-1", Duration.ofMinutes(5)));
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                results.add(nodes.submit(() -> {
                    start.await();
                    return store().pendingSignIns().delete("hash-1");
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(store().pendingSignIns().find("hash-1")).isEmpty();
    }

    @Test
    default void deleteExpiredKeepsThoseStillWaiting() {
        User ed = storedUser("ed.developer");
        store().pendingSignIns().insert(pending(ed, "expired", Duration.ofMinutes(5)));
        store().pendingSignIns().insert(pending(ed, "waiting", Duration.ofMinutes(10)));

        assertThat(store().pendingSignIns().deleteExpired(NOW.plus(Duration.ofMinutes(6)))).isEqualTo(1);

        assertThat(store().pendingSignIns().find("expired")).isEmpty();
        assertThat(store().pendingSignIns().find("waiting")).isPresent();
    }

    @Test
    default void rememberedBrowserReadsBackAndExpiredOnesAreForgotten() {
        User ed = storedUser("ed.developer");
        RememberedBrowser old = new RememberedBrowser("hash-old", ed.userId(), "binding-1", NOW,
                NOW.plus(Duration.ofDays(1)));
        RememberedBrowser recent = new RememberedBrowser("hash-new", ed.userId(), "binding-2", NOW.plusNanos(7),
                NOW.plus(Duration.ofDays(7)));
        store().rememberedBrowsers().insert(old);
        store().rememberedBrowsers().insert(recent);
        assertThat(store().rememberedBrowsers().find("hash-old")).contains(old);
        assertThat(store().rememberedBrowsers().find("no-such-hash")).isEmpty();

        assertThat(store().rememberedBrowsers().deleteExpired(NOW.plus(Duration.ofDays(2)))).isEqualTo(1);

        assertThat(store().rememberedBrowsers().find("hash-old")).isEmpty();
        assertThat(store().rememberedBrowsers().find("hash-new")).contains(recent);
    }

    @Test
    default void bothGoWithTheirUser() {
        User ed = storedUser("ed.developer");
        store().pendingSignIns().insert(pending(ed, "hash-1", Duration.ofMinutes(5)));
        store().rememberedBrowsers().insert(new RememberedBrowser("hash-2", ed.userId(), "binding", NOW,
                NOW.plus(Duration.ofDays(1))));

        store().users().delete(ed.userId());

        assertThat(store().pendingSignIns().find("hash-1")).isEmpty();
        assertThat(store().rememberedBrowsers().find("hash-2")).isEmpty();
    }
}
