package dev.gatehouse.core.ratelimit;

import dev.gatehouse.core.ratelimit.RateLimiter.Rate;
import java.time.Duration;

/**
 * The per-source-address limits on the unauthenticated calls that store something (docs/security.md, finding 3).
 * A person registers a client once per 90 days and starts a device authorization once per sign-in; these allow a
 * whole office behind one address to do so at once, and stop one address from filling the database.
 *
 * @param clientRegistration  sso-oidc RegisterClient: 60 at once, then one every 30 seconds (120 an hour)
 * @param deviceAuthorization sso-oidc StartDeviceAuthorization: 60 at once, then one a second
 */
public record RateLimits(Rate clientRegistration, Rate deviceAuthorization) {

    public static RateLimits defaults() {
        return new RateLimits(new Rate(60, Duration.ofSeconds(30)), new Rate(60, Duration.ofSeconds(1)));
    }
}
