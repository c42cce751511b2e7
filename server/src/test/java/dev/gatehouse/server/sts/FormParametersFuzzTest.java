package dev.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.core.error.DomainException;

/**
 * Whatever query string and form body reach STS, parsing them yields parameters or a {@link DomainException}
 * (a 400); any other exception would surface as a 5xx.
 */
class FormParametersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parsingAnyFormFailsOnlyWithDomainException(FuzzedDataProvider data) {
        String query = data.consumeBoolean() ? data.consumeString(200) : null;
        String name = data.consumeString(30);
        String form = data.consumeBoolean() ? data.consumeRemainingAsString() : null;
        try {
            FormParameters parameters = FormParameters.parse(query, form);
            String value = parameters.get(name);
            // '&' only separates pairs, so a value holds one only if it arrived percent-encoded.
            if (value != null && value.contains("&")) {
                assertThat(query + form).containsIgnoringCase("%26");
            }
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
