package dev.gatehouse.core.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Aa1!aaaa", "Correct-Horse-9", "Ünïcödé-Pässwörd-1"})
    void checkWhenAllFourClassesAndLengthThenAccepted(String password) {
        assertThatCode(() -> PasswordPolicy.check(password.toCharArray())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aa1!aaa", "alllower1!", "ALLUPPER1!", "NoDigits!!", "NoSymbol11",
            "Aa1!aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void checkWhenRuleBrokenThenInvalidInputNamingTheRule(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password.toCharArray()))
                .isInstanceOf(DomainException.class)
                .hasMessage(PasswordPolicy.RULE);
    }
}
