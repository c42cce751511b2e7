package dev.gatehouse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.credentials.RoleCredentials;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleCredentialsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesTheSsoShapeWithExpirationInEpochMilliseconds() throws Exception {
        RoleCredentials credentials = new RoleCredentials("ASIAEXAMPLE", "se/cr+et", "tok-en_x",
                Instant.ofEpochSecond(1_800_000_000L));

        JsonNode written = MAPPER.readTree(RoleCredentialsJson.of(credentials));

        assertThat(written).isEqualTo(MAPPER.valueToTree(Map.of("roleCredentials", Map.of(
                "accessKeyId", "ASIAEXAMPLE", "secretAccessKey", "se/cr+et", "sessionToken", "tok-en_x",
                "expiration", 1_800_000_000_000L))));
    }

    @Test
    void escapesWhatWouldBreakTheJson() throws Exception {
        String odd = "a\"b\\c\nd\u0001";
        RoleCredentials credentials = new RoleCredentials(odd, odd, odd, Instant.EPOCH);

        JsonNode written = MAPPER.readTree(RoleCredentialsJson.of(credentials)).get("roleCredentials");

        assertThat(written.get("accessKeyId").asText()).isEqualTo(odd);
        assertThat(written.get("sessionToken").asText()).isEqualTo(odd);
        assertThat(written.get("expiration").asLong()).isZero();
    }
}
