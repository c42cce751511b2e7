package dev.gatehouse.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
    void tagsWithinTheAwsLimitsAreKeptInOrder() {
        assertThat(Tags.valid(new LinkedHashMap<>(Map.of("team", "platform"))))
                .isEqualTo(Map.of("team", "platform"));
        assertThat(Tags.valid(null)).isEmpty();
        assertThat(Tags.valid(Map.of("cost:centre", ""))).containsEntry("cost:centre", "");
    }

    @Test
    void tagsOutsideTheAwsLimitsAreInvalidNamingTheTag() {
        assertThatThrownBy(() -> Tags.valid(Map.of("team!", "x")))
                .isInstanceOf(DomainException.class).hasMessageContaining("tag key 'team!'");
        assertThatThrownBy(() -> Tags.valid(Map.of("team", "a".repeat(257))))
                .isInstanceOf(DomainException.class).hasMessageContaining("the value of tag 'team'");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Tags.MAX_TAGS; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> Tags.valid(many)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most 50");
    }
}
