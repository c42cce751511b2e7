package dev.gatehouse.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessModelServiceTest {

    @Test
    void sessionDurationWhenWithinOneToTwelveHoursThenParsed() {
        assertThat(AccessModelService.sessionDuration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(AccessModelService.sessionDuration("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThat(AccessModelService.sessionDuration(null)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void sessionDurationWhenOutsideRangeThenInvalid() {
        assertThatThrownBy(() -> AccessModelService.sessionDuration("PT59M"))
                .isInstanceOf(DomainException.class).hasMessageContaining("between PT1H and PT12H");
        assertThatThrownBy(() -> AccessModelService.sessionDuration("PT13H"))
                .isInstanceOf(DomainException.class).hasMessageContaining("between PT1H and PT12H");
    }

    @Test
    void sessionDurationWhenNotIsoThenInvalidNamingTheValue() {
        assertThatThrownBy(() -> AccessModelService.sessionDuration("4 hours"))
                .isInstanceOf(DomainException.class).hasMessageContaining("'4 hours'");
    }

    @Test
    void inlinePolicyWhenMalformedJsonThenLineAndColumn() {
        assertThatThrownBy(() -> PolicyDocuments.validInlinePolicy("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}"))
                .isInstanceOf(DomainException.class).hasMessageContaining("line 4");
    }

    @Test
    void inlinePolicyWhenNotAnObjectOrNoStatementThenInvalid() {
        assertThatThrownBy(() -> PolicyDocuments.validInlinePolicy("[]"))
                .isInstanceOf(DomainException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> PolicyDocuments.validInlinePolicy("{\"Version\":\"2012-10-17\"}"))
                .isInstanceOf(DomainException.class).hasMessageContaining("Statement");
    }

    @Test
    void inlinePolicyWhenTooLongThenInvalid() {
        String big = "{\"Statement\":[],\"x\":\"" + "a".repeat(10_300) + "\"}";
        assertThatThrownBy(() -> PolicyDocuments.validInlinePolicy(big))
                .isInstanceOf(DomainException.class).hasMessageContaining("10240");
    }
}
