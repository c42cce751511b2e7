package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.password.PasswordHistoryRepository;
import dev.gatehouse.store.testing.TestUsers;
import org.junit.jupiter.api.Test;

public interface PasswordHistoryContract extends StoreContract {

    private PasswordHistoryRepository history() {
        return store().passwordHistory();
    }

    private User storedUser(String userName) {
        User user = TestUsers.user(userName);
        store().users().insert(user);
        return user;
    }

    @Test
    default void latestWhenNothingRecordedThenEmpty() {
        User ed = storedUser("ed.developer");

        assertThat(history().latest(ed.userId())).isEmpty();
        assertThat(history().latest("no-such-user")).isEmpty();
    }

    @Test
    default void recordedHashesReadBackNewestFirstEvenAtTheSameInstant() {
        User ed = storedUser("ed.developer");

        history().record(ed.userId(), "hash-1", NOW, 3);
        history().record(ed.userId(), "hash-2", NOW, 3);

        assertThat(history().latest(ed.userId())).containsExactly("hash-2", "hash-1");
    }

    @Test
    default void recordWhenMoreThanKeptThenOnlyTheNewestStay() {
        User ed = storedUser("ed.developer");

        for (int i = 1; i <= 5; i++) {
            history().record(ed.userId(), "hash-" + i, NOW.plusSeconds(i), 3);
        }

        assertThat(history().latest(ed.userId())).containsExactly("hash-5", "hash-4", "hash-3");
    }

    @Test
    default void historiesOfUsersAreApart() {
        User ed = storedUser("ed.developer");
        User ann = storedUser("ann.admin");

        history().record(ed.userId(), "ed-1", NOW, 1);
        history().record(ann.userId(), "ann-1", NOW, 1);
        history().record(ann.userId(), "ann-2", NOW, 1);

        assertThat(history().latest(ed.userId())).containsExactly("ed-1");
        assertThat(history().latest(ann.userId())).containsExactly("ann-2");
    }

    @Test
    default void recordWhenNoSuchUserThenNotFound() {
        notFound(() -> history().record("no-such-user", "hash-1", NOW, 3));

        assertThat(history().latest("no-such-user")).isEmpty();
    }

    @Test
    default void deletingTheUserForgetsTheirHistory() {
        User ed = storedUser("ed.developer");
        history().record(ed.userId(), "hash-1", NOW, 3);

        store().users().delete(ed.userId());

        assertThat(history().latest(ed.userId())).isEmpty();
    }

    @Test
    default void recordInsideAFailedTransactionIsUndone() {
        User ed = storedUser("ed.developer");
        history().record(ed.userId(), "hash-1", NOW, 3);

        assertThatThrownBy(() -> store().inTransaction(tx -> {
            tx.passwordHistory().record(ed.userId(), "hash-2", NOW, 1);
            throw new IllegalStateException("a later step failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(history().latest(ed.userId())).containsExactly("hash-1");
    }
}
