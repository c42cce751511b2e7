package dev.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainException;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void parseWhenFormBodyThenDecodesPercentAndPlus() {
        FormParameters parameters = FormParameters.parse(null, "Action=GetCallerIdentity&Version=2011-06-15&X=a+b%2Fc");

        assertThat(parameters.get("Action")).isEqualTo("GetCallerIdentity");
        assertThat(parameters.get("Version")).isEqualTo("2011-06-15");
        assertThat(parameters.get("X")).isEqualTo("a b/c");
    }

    @Test
    void parseWhenParameterRepeatsThenFirstValueWins() {
        FormParameters parameters = FormParameters.parse("Action=GetCallerIdentity", "Action=AssumeRole&&Flag");

        assertThat(parameters.get("Action")).isEqualTo("GetCallerIdentity");
        assertThat(parameters.get("Flag")).isEmpty();
    }

    @Test
    void parseWhenPercentEncodingBrokenThenInvalidInput() {
        assertThatThrownBy(() -> FormParameters.parse(null, "Action=%zz")).isInstanceOf(DomainException.class);
    }

    @Test
    void parseWhenAValueOrTheNumberOfParametersIsOverItsBoundThenInvalidInput() {
        // Issue 11, finding 3: the GetCallerIdentity form takes bounded input like every public endpoint.
        assertThatThrownBy(() -> FormParameters.parse(null, "Action=" + "A".repeat(FormParameters.MAX_CHARS + 1)))
                .isInstanceOf(DomainException.class).hasMessageContaining("longer than");
        StringBuilder many = new StringBuilder("Action=GetCallerIdentity");
        for (int i = 0; i < FormParameters.MAX_PARAMETERS; i++) {
            many.append("&P").append(i).append("=x");
        }
        assertThatThrownBy(() -> FormParameters.parse(null, many.toString()))
                .isInstanceOf(DomainException.class).hasMessageContaining("more than");
        assertThat(FormParameters.parse(null, "Action=GetCallerIdentity&Version=2011-06-15").get("Action"))
                .isEqualTo("GetCallerIdentity");
    }
}
