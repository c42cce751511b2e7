package dev.gatehouse.core.mfa;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When sign-in asks for a second factor, with the choices and names of AWS IAM Identity Center: MFA
 * {@link Mode#ALWAYS always}, {@link Mode#CONTEXT_AWARE context-aware} (a browser that passed MFA is remembered
 * for {@code rememberBrowser}) or {@link Mode#OFF off}; and what happens to a user with no device yet. The default
 * asks every time and makes a user without a device enrol one before the session starts.
 */
public record MfaPolicy(Mode mode, Duration rememberBrowser, WithoutDevice withoutDevice) {

    public static final Duration MIN_REMEMBER = Duration.ofHours(1);
    public static final Duration MAX_REMEMBER = Duration.ofDays(90);
    public static final MfaPolicy DEFAULT = new MfaPolicy(Mode.ALWAYS, Duration.ofDays(7), WithoutDevice.ENROL);

    public enum Mode {
        ALWAYS, CONTEXT_AWARE, OFF;

        /** As in the config file: {@code always}, {@code context-aware}, {@code off}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Mode> named(String configName) {
            return Arrays.stream(values()).filter(m -> m.configName().equalsIgnoreCase(configName)).findFirst();
        }
    }

    /** For a user with no confirmed MFA device: must register one at sign-in, may not sign in, or may without. */
    public enum WithoutDevice {
        ENROL, BLOCK, ALLOW;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<WithoutDevice> named(String configName) {
            return Arrays.stream(values()).filter(w -> w.configName().equalsIgnoreCase(configName)).findFirst();
        }
    }

    /** What a right password leads to. */
    public enum Next { SIGN_IN, SECOND_FACTOR, ENROL, REFUSE }

    public MfaPolicy {
        if (mode == null || withoutDevice == null || rememberBrowser == null
                || rememberBrowser.compareTo(MIN_REMEMBER) < 0 || rememberBrowser.compareTo(MAX_REMEMBER) > 0) {
            throw new IllegalArgumentException("Inconsistent MFA policy: " + mode + ", " + rememberBrowser + ", "
                    + withoutDevice);
        }
    }

    public MfaPolicy withMode(Mode newMode) {
        return new MfaPolicy(newMode, rememberBrowser, withoutDevice);
    }

    public MfaPolicy withoutDevice(WithoutDevice newWithoutDevice) {
        return new MfaPolicy(mode, rememberBrowser, newWithoutDevice);
    }

    /**
     * @param hasDevice         the user has a confirmed MFA device
     * @param rememberedBrowser the browser passed MFA as this user recently (counts only when context-aware)
     */
    public Next afterPassword(boolean hasDevice, boolean rememberedBrowser) {
        if (mode == Mode.OFF) {
            return Next.SIGN_IN;
        }
        if (!hasDevice) {
            return switch (withoutDevice) {
                case ENROL -> Next.ENROL;
                case BLOCK -> Next.REFUSE;
                case ALLOW -> Next.SIGN_IN;
            };
        }
        return mode == Mode.CONTEXT_AWARE && rememberedBrowser ? Next.SIGN_IN : Next.SECOND_FACTOR;
    }
}
