package dev.gatehouse.core.session;

import java.time.Duration;

/**
 * How long things live. Defaults follow AWS IAM Identity Center.
 *
 * @param portalSession   a signed-in session, bounding every token refreshed under it (15 min..90 days)
 * @param accessToken     an sso-oidc access token
 * @param deviceCode      a device authorization, as {@code expiresIn}
 * @param pollInterval    the device-flow {@code interval}
 * @param clientRegistration an OIDC client registration
 * @param activationLink  a link to set the first password
 */
public record Lifetimes(Duration portalSession, Duration accessToken, Duration deviceCode, Duration pollInterval,
                        Duration clientRegistration, Duration activationLink) {

    public static Lifetimes defaults() {
        return new Lifetimes(Duration.ofHours(8), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(1),
                Duration.ofDays(90), Duration.ofDays(7));
    }

    /**
     * A self-service password-reset link: short, since whoever reads the mailbox can use it, and anyone who can
     * type the user's name can have one sent.
     */
    public Duration passwordResetLink() {
        return Duration.ofHours(1);
    }

    public Lifetimes withPortalSession(Duration duration) {
        return new Lifetimes(duration, accessToken, deviceCode, pollInterval, clientRegistration, activationLink);
    }
}
