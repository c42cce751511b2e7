package dev.gatehouse.core.credentials;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.directory.User;
import java.time.Instant;
import java.util.function.Supplier;

/** Mints role credentials whose session token carries, sealed, everything needed to verify them later. */
public final class CredentialMinter {

    private final Supplier<CredentialSealer> sealer;
    private final PrincipalTagSource tags;

    public CredentialMinter(Supplier<CredentialSealer> sealer) {
        this(sealer, PrincipalTagSource.NONE);
    }

    /** @param tags read at each mint, so new credentials follow the user's attributes and older ones keep theirs */
    public CredentialMinter(Supplier<CredentialSealer> sealer, PrincipalTagSource tags) {
        this.sealer = sealer;
        this.tags = tags;
    }

    public RoleCredentials mint(String sessionId, User user, String accountId, PermissionSet permissionSet,
                                Instant now) {
        String accessKeyId = AccessKeyIds.newTemporaryKeyId();
        String secret = AccessKeyIds.newSecretAccessKey();
        // Whole seconds: the sealed form keeps seconds, and clients show and compare whole seconds.
        Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expires = issued.plus(permissionSet.sessionDuration());
        String token = sealer.get().seal(new RoleSessionClaims(accessKeyId, secret, sessionId, user.userId(),
                user.userName(), accountId, permissionSet.permissionSetArn(), permissionSet.roleName(), issued, expires,
                tags.tagsFor(user)));
        return new RoleCredentials(accessKeyId, secret, token, expires);
    }
}
