package dev.gatehouse.core;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.ratelimit.RateLimits;
import dev.gatehouse.core.session.Lifetimes;
import java.time.Duration;

/**
 * What core's services are configured with; the server binds it from its settings.
 *
 * @param lifetimes   how long sessions, tokens, codes and links live
 * @param mfa         when sign-in asks for a second factor
 * @param publicUrl   how browsers reach this server, without a trailing slash: the origin of links, of the device
 *                    verification page, and of security keys' relying party
 * @param serviceName how authenticator apps and security-key prompts name this service (e.g. "Gatehouse")
 * @param requestSkew how far a SigV4 request's time may be from the server's
 * @param adminGroup  the display name of a group whose members administer Gatehouse, or null
 * @param rateLimits  per source address, on the unauthenticated calls that store something
 */
public record CoreSettings(Lifetimes lifetimes, MfaPolicy mfa, String publicUrl, String serviceName,
                           Duration requestSkew, String adminGroup, RateLimits rateLimits) {

    /** With the default rate limits. */
    public CoreSettings(Lifetimes lifetimes, MfaPolicy mfa, String publicUrl, String serviceName,
                        Duration requestSkew, String adminGroup) {
        this(lifetimes, mfa, publicUrl, serviceName, requestSkew, adminGroup, RateLimits.defaults());
    }

    public static CoreSettings defaults(String publicUrl) {
        return new CoreSettings(Lifetimes.defaults(), MfaPolicy.DEFAULT, publicUrl, "Gatehouse",
                Duration.ofMinutes(15), null);
    }
}
