package dev.gatehouse.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.CountingPasswordHasher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final CountingPasswordHasher hasher = new CountingPasswordHasher();

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

    @ParameterizedTest
    @ValueSource(strings = {"Third-Pass-3", "Second-Pass-2", "First-Pass-1"})
    void checkNotReusedWhenCurrentOrOneOfThePreviousTwoThenInvalidPassword(String password) {
        List<String> remembered = remembered("Third-Pass-3", "Second-Pass-2", "First-Pass-1");

        assertThatThrownBy(() -> PasswordPolicy.checkNotReused(password.toCharArray(), remembered.getFirst(),
                remembered, hasher))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).error())
                .isEqualTo(new DomainError.InvalidInput("password",
                        "Choose a password you have not used for your last 3 passwords."));
    }

    @Test
    void checkNotReusedWhenOnlyTheFourthLastThenAcceptedAfterThreeChecks() {
        List<String> remembered = remembered("Fourth-Pass-4", "Third-Pass-3", "Second-Pass-2", "First-Pass-1");

        assertThatCode(() -> PasswordPolicy.checkNotReused("First-Pass-1".toCharArray(), remembered.getFirst(),
                remembered, hasher)).doesNotThrowAnyException();
        assertThat(hasher.checks()).isEqualTo(3);
    }

    @Test
    void checkNotReusedWhenCurrentPasswordPredatesTheHistoryThenCurrentStillRefused() {
        String current = hasher.hash("Current-Pass-9".toCharArray());

        assertThatThrownBy(() -> PasswordPolicy.checkNotReused("Current-Pass-9".toCharArray(), current, List.of(),
                hasher)).hasMessage(PasswordPolicy.REUSED);
    }

    @Test
    void checkNotReusedWhenNoPasswordYetThenAcceptedWithoutChecks() {
        assertThatCode(() -> PasswordPolicy.checkNotReused("First-Pass-1".toCharArray(), null, List.of(), hasher))
                .doesNotThrowAnyException();
        assertThat(hasher.checks()).isZero();
    }

    /** Hashes of the passwords, newest first, as the history hands them out. */
    private List<String> remembered(String... newestFirst) {
        return List.of(newestFirst).stream().map(password -> hasher.hash(password.toCharArray())).toList();
    }
}
