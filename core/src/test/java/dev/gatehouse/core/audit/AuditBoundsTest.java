package dev.gatehouse.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.error.DomainError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No request can make an audit row large (issue 11, finding 3): a 900 kB name and 100,000 scopes are cut. */
class AuditBoundsTest {

    private final List<AuditEvent> written = new ArrayList<>();
    private final AuditLog log = new AuditLog(new AuditRepository() {
        @Override
        public void insert(AuditEvent event) {
            written.add(event);
        }

        @Override
        public List<AuditEvent> find(AuditQuery query) {
            return written;
        }
    }, Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void longStringsAndLongListsAreCutWithAMarkerSayingHowMuch() throws Exception {
        String name = "n".repeat(900_000);
        List<String> scopes = Collections.nCopies(100_000, "sso:account:access");

        log.as(Actor.unknown("u".repeat(5_000)), EventSource.SSO_OIDC,
                new RequestContext("r1", "203.0.113.1", "agent/".repeat(2_000)))
                .failure("RegisterClient", Map.of("clientName", name, "scopes", scopes,
                        "nested", Map.of("list", List.of(List.of(List.of(List.of("x".repeat(5_000))))))),
                        new DomainError.InvalidInput("clientName", "m".repeat(50_000)));

        AuditEvent event = written.getFirst();
        assertThat((String) event.requestParameters().get("clientName"))
                .hasSize(AuditBounds.MAX_CHARS + "…[truncated 898976 characters]".length())
                .endsWith("…[truncated 898976 characters]");
        assertThat((List<?>) event.requestParameters().get("scopes")).hasSize(AuditBounds.MAX_ITEMS + 1)
                .last().isEqualTo("…[truncated " + (100_000 - AuditBounds.MAX_ITEMS) + " more items]");
        assertThat(event.userAgent()).hasSizeLessThan(1_100);
        assertThat(event.userName()).hasSizeLessThan(1_100);
        assertThat(event.errorMessage()).hasSizeLessThan(1_100);
        assertThat(new ObjectMapper().writeValueAsString(event.cloudTrailRecord())).hasSizeLessThan(16_000);
    }

    @Test
    void manyLongValuesTogetherStayWithinOneBudget() throws Exception {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            parameters.put("list" + i, Collections.nCopies(20, "v".repeat(1_000)));
        }

        log.as(Actor.client("c1"), EventSource.SSO_OIDC, new RequestContext("r1", "203.0.113.1", "aws-cli/2"))
                .success("RegisterClient", parameters);

        assertThat(new ObjectMapper().writeValueAsString(written.getFirst().requestParameters()).length())
                .isLessThan(AuditBounds.MAX_TOTAL_CHARS + 15 * 21 * 40 + 1_000);
    }

    @Test
    void smallValuesAreKeptAsTheyAre() {
        log.as(Actor.client("c1"), EventSource.SSO_OIDC, new RequestContext("r1", "203.0.113.1", "aws-cli/2"))
                .success("RegisterClient", Map.of("clientName", "aws-cli", "scopes", List.of("sso:account:access"),
                        "count", 3));

        assertThat(written.getFirst().requestParameters()).isEqualTo(Map.of("clientName", "aws-cli",
                "scopes", List.of("sso:account:access"), "count", 3));
    }
}
