package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.Records.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instants are stored as epoch nanoseconds: exact from 1677 to 2262, refused beyond. */
public interface InstantContract extends StoreContract {

    @Test
    default void instantOfTheClockReadsBackToTheNanosecond() {
        User user = with(TestUsers.user("ed.developer"), "createdAt", Instant.parse("2031-12-31T23:59:59.999999999Z"));
        store().users().insert(user);

        assertThat(store().users().findById(user.userId())).contains(user);
    }

    @Test
    default void instantBeforeTheEpochReadsBackExactly() {
        User user = with(TestUsers.user("ed.developer"), "createdAt", Instant.parse("1969-07-20T20:17:40.000000001Z"));
        store().users().insert(user);

        assertThat(store().users().findById(user.userId())).contains(user);
    }

    @Test
    default void instantBeyondTheStorableYearsIsRefusedAndNothingIsWritten() {
        User user = with(TestUsers.user("ed.developer"), "updatedAt", Instant.MAX);

        assertThatThrownBy(() -> store().users().insert(user)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().users().count()).isZero();
    }
}
