package dev.gatehouse.server.http;

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
        int accessor = data.consumeInt(0, 4);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            JsonRequestBody parsed = JsonRequestBody.parse(body);
            switch (accessor) {
                case 0 -> assertThat(parsed.requiredString(member)).isNotEmpty();
                case 1 -> parsed.optionalString(member);
                case 2 -> parsed.optionalBoolean(member);
                case 3 -> parsed.optionalObject(member).ifPresent(
                        object -> object.memberNames().forEach(name -> assertThat(object.stringOrStrings(name))
                                .doesNotContainNull()));
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
