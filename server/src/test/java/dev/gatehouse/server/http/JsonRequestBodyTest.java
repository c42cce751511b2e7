package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRequestBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"text\"", "{\"clientName\":}", "null"})
    void parseWhenNotAJsonObjectThenInvalidRequestWithoutEchoingTheBody(String text) {
        assertThatThrownBy(() -> JsonRequestBody.parse(bytes(text)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isInstanceOf(DomainError.InvalidInput.class);
                    assertThat(e.error().message()).doesNotContain("clientName");
                });
    }

    @Test
    void requiredStringWhenMemberMissingThenInvalidRequestNamingIt() {
        JsonRequestBody body = JsonRequestBody.parse(bytes("{\"clientType\":\"public\"}"));

        assertThatThrownBy(() -> body.requiredString("clientName"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(new DomainError.InvalidInput("clientName",
                                "clientName is required")));
    }

    @Test
    void optionalStringListWhenAbsentThenNullAndWhenWrongTypeThenInvalidRequest() {
        JsonRequestBody body = JsonRequestBody.parse(bytes("{\"scopes\":[\"a\",1],\"grantTypes\":null}"));

        assertThat(body.optionalStringList("grantTypes")).isNull();
        assertThat(body.optionalStringList("redirectUris")).isNull();
        assertThatThrownBy(() -> body.optionalStringList("scopes")).isInstanceOf(DomainException.class);
    }

    @Test
    void parseWhenBodyEmptyThenEveryMemberAbsent() {
        JsonRequestBody body = JsonRequestBody.parse(new byte[0]);

        assertThat(body.optionalString("issuerUrl")).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
