package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (503) rather than a bug (500). */
class StorageOutageTest {

    @Test
    void causesWhenThePoolTimedOutWaitingForAConnectionThenOutage() {
        assertThat(StorageOutage.causes(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("gatehouse - Connection is not available")))).isTrue();
    }

    @Test
    void causesWhenTheServerEndedTheConnectionOrRefusedItThenOutage() {
        assertThat(StorageOutage.causes(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(StorageOutage.causes(new RuntimeException(new SQLException("Connection refused", "08001"))))
                .isTrue();
    }

    @Test
    void causesWhenAStatementFailedOrABugThenNoOutage() {
        assertThat(StorageOutage.causes(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(StorageOutage.causes(new SQLException("no state"))).isFalse();
        assertThat(StorageOutage.causes(new NullPointerException())).isFalse();
    }
}
