package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.core.error.DomainException;
import java.util.List;

/**
 * Whatever body a client sends to sso-oidc, reading it yields values or a {@link DomainException} (a 400);
 * any other exception would surface as a 5xx.
 */
class JsonRequestBodyFuzzTest {

    private static final List<String> MEMBERS = List.of("clientId", "clientSecret", "grantType", "scopes", "code");

    @FuzzTest(maxDuration = "10s")
    void readingAnyBodyFailsOnlyWithDomainException(FuzzedDataProvider data) {
        String member = data.pickValue(MEMBERS);
        int accessor = data.consumeInt(0, 2);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            JsonRequestBody parsed = JsonRequestBody.parse(body);
            switch (accessor) {
                case 0 -> assertThat(parsed.requiredString(member)).isNotEmpty();
                case 1 -> parsed.optionalString(member);
                default -> {
                    List<String> list = parsed.optionalStringList(member);
                    assertThat(list == null || !list.contains(null)).isTrue();
                }
            }
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
