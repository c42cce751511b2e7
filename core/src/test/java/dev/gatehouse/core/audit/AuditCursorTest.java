package dev.gatehouse.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCursorTest {

    @Test
    void tokenReadsBackAsTheSameCursorToTheNanosecond() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-26T09:30:00.123456789Z"), "a~b-c");

        assertThat(cursor.token()).isEqualTo("2026-11-26T09:30:00.123456789Z~a~b-c");
        assertThat(AuditCursor.parse(cursor.token())).contains(cursor);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "~", "nonsense", "2026-11-26T09:30:00Z~", "~event", "yesterday~event"})
    void parseOfWhatIsNoTokenIsEmpty(String token) {
        assertThat(AuditCursor.parse(token)).isEmpty();
    }
}
