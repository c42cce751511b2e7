package dev.gatehouse.core.signin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.MfaDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Browsers that passed MFA, which context-aware MFA lets skip the second factor for a while. The browser keeps a
 * random value; only its hash is stored, tied to its user and to a {@link #binding} of the user's password and
 * devices, so a password reset or a device added or removed forgets every remembered browser without a list to
 * revoke.
 */
public final class RememberedBrowsers {

    /** The cookie value that lets a browser skip the second factor until {@code expiresAt}. */
    public record Remembered(String cookieValue, Instant expiresAt) { }

    private final RememberedBrowserRepository rememberedBrowsers;
    private final Clock clock;
    private final Duration lifetime;

    public RememberedBrowsers(RememberedBrowserRepository rememberedBrowsers, Clock clock, Duration lifetime) {
        this.rememberedBrowsers = rememberedBrowsers;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Remembers a browser that has just passed MFA as {@code user}, whose confirmed devices are {@code devices}. */
    public Remembered remember(User user, List<MfaDevice> devices) {
        Instant now = clock.instant();
        String cookie = Secrets.newToken("ghr_");
        Instant expiresAt = now.plus(lifetime);
        rememberedBrowsers.deleteExpired(now);
        rememberedBrowsers.insert(new RememberedBrowser(Secrets.hash(cookie), user.userId(),
                binding(user, devices), now, expiresAt));
        return new Remembered(cookie, expiresAt);
    }

    /** Whether {@code cookie} names a browser remembered for this user, not expired, with the same devices. */
    public boolean recognises(String cookie, User user, List<MfaDevice> devices) {
        if (cookie == null || cookie.isBlank() || devices.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return rememberedBrowsers.find(Secrets.hash(cookie))
                .filter(r -> r.userId().equals(user.userId()) && now.isBefore(r.expiresAt())
                        && Secrets.equal(r.binding(), binding(user, devices)))
                .isPresent();
    }

    /** A hash of the user's password hash and the ids of their confirmed devices. */
    private static String binding(User user, List<MfaDevice> devices) {
        String deviceIds = devices.stream().map(MfaDevice::deviceId).sorted().collect(Collectors.joining(","));
        return Secrets.hash(user.passwordHash() + "\n" + deviceIds);
    }
}
