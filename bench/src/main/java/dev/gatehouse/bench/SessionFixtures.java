package dev.gatehouse.bench;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.keys.SealingKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory stand-ins for what the database would hold: a sealing key, a user, a permission set. */
final class SessionFixtures {

    static final String ACCOUNT_ID = "111122223333";
    static final String REGION = "us-east-1";

    private SessionFixtures() {
    }

    static CredentialSealer sealer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CredentialSealer(List.of(new SealingKey(7, key, Instant.now())));
    }

    static User user(Instant now) {
        return new User(UUID.randomUUID().toString(), "alice.example", "Alice Example", "Alice", "Example",
                "alice@example.com", UserStatus.ENABLED, false, null, now, now);
    }

    static PermissionSet permissionSet(Instant now) {
        return new PermissionSet("arn:aws:sso:::permissionSet/ssoins-72238c1e5a4b6f90/ps-4d1c8e0f9a2b7c35",
                "ReadOnly", "Read-only access", Duration.ofHours(1), List.of("ReadOnlyAccess"), null, null, null, Map.of(),
                "6f0e3a9b2c1d4e57", now);
    }

    /**
     * The lookup CallerIdentityService does before its database re-checks: unseal, the token must belong
     * to the access key id and be unexpired, and its sealed secret is the one to verify with.
     */
    static Optional<String> secretFromToken(CredentialSealer sealer, String accessKeyId, String sessionToken,
                                            Instant now) {
        if (sessionToken == null) {
            return Optional.empty();
        }
        return sealer.unseal(sessionToken)
                .filter(c -> c.accessKeyId().equals(accessKeyId))
                .filter(c -> now.isBefore(c.expiresAt()))
                .map(RoleSessionClaims::secretAccessKey);
    }
}
