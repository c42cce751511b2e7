package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.mfa.MfaPolicy.Mode;
import dev.gatehouse.core.mfa.MfaPolicy.Next;
import dev.gatehouse.core.mfa.MfaPolicy.WithoutDevice;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MfaPolicyTest {

    @Test
    void defaultAsksAlwaysAndMakesUsersWithoutDeviceEnrol() {
        assertThat(MfaPolicy.DEFAULT.mode()).isEqualTo(Mode.ALWAYS);
        assertThat(MfaPolicy.DEFAULT.withoutDevice()).isEqualTo(WithoutDevice.ENROL);
        assertThat(MfaPolicy.DEFAULT.rememberBrowser()).isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest(name = "{0}, {1}, device {2}, remembered {3} -> {4}")
    @CsvSource({
            "ALWAYS,        ENROL, true,  false, SECOND_FACTOR",
            "ALWAYS,        ENROL, true,  true,  SECOND_FACTOR",
            "ALWAYS,        ENROL, false, false, ENROL",
            "ALWAYS,        BLOCK, false, false, REFUSE",
            "ALWAYS,        ALLOW, false, false, SIGN_IN",
            "ALWAYS,        ALLOW, true,  false, SECOND_FACTOR",
            "CONTEXT_AWARE, ENROL, true,  false, SECOND_FACTOR",
            "CONTEXT_AWARE, ENROL, true,  true,  SIGN_IN",
            "CONTEXT_AWARE, ENROL, false, true,  ENROL",
            "CONTEXT_AWARE, BLOCK, false, false, REFUSE",
            "OFF,           ENROL, true,  false, SIGN_IN",
            "OFF,           BLOCK, false, false, SIGN_IN"})
    void afterPasswordFollowsModeDeviceAndRememberedBrowser(Mode mode, WithoutDevice without, boolean hasDevice,
                                                            boolean remembered, Next expected) {
        MfaPolicy policy = new MfaPolicy(mode, Duration.ofDays(7), without);

        assertThat(policy.afterPassword(hasDevice, remembered)).isEqualTo(expected);
    }

    @Test
    void configNamesAreTheAwsOnesAndReadBack() {
        assertThat(Mode.CONTEXT_AWARE.configName()).isEqualTo("context-aware");
        assertThat(Mode.named("Context-Aware")).contains(Mode.CONTEXT_AWARE);
        assertThat(Mode.named("sometimes")).isEmpty();
        assertThat(WithoutDevice.named("enrol")).contains(WithoutDevice.ENROL);
        assertThat(WithoutDevice.named("enroll")).isEmpty();
    }

    @Test
    void rememberedBrowserDurationIsBounded() {
        assertThatThrownBy(() -> new MfaPolicy(Mode.CONTEXT_AWARE, Duration.ofMinutes(59), WithoutDevice.ENROL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MfaPolicy(Mode.CONTEXT_AWARE, Duration.ofDays(91), WithoutDevice.ENROL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MfaPolicy(Mode.CONTEXT_AWARE, Duration.ofDays(90), WithoutDevice.ENROL).rememberBrowser())
                .isEqualTo(Duration.ofDays(90));
    }
}
