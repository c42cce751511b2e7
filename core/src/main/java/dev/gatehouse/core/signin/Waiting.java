package dev.gatehouse.core.signin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.signin.PendingSignIn.Purpose;
import java.time.Instant;
import java.util.Set;

/**
 * A pending sign-in still waiting, as {@link PendingSignIns#resolve} found it once for a request: its user, what it
 * waits for, and the kinds of second factor the user can answer with. The steps take it as it is, so a request
 * reads the pending sign-in once however many steps it passes.
 */
public record Waiting(PendingSignIn pending, User user, Set<MfaDeviceKind> kinds) {

    public Waiting {
        kinds = Set.copyOf(kinds);
    }

    public Purpose purpose() {
        return pending.purpose();
    }

    public Instant expiresAt() {
        return pending.expiresAt();
    }
}
