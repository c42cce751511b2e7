package dev.gatehouse.core.signin;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;

/**
 * Gatehouse's own passwords and second factors sign people in only while the built-in directory is the identity
 * source; with an external one, the identity provider authenticates and these steps refuse, including a sign-in
 * that was already waiting for its second factor when the source changed.
 */
final class OwnCredentials {

    static final DomainError NOT_USED = new DomainError.AccessDenied("Gatehouse's own passwords and MFA are not "
            + "used here: sign in through your identity provider.");

    private final IdentitySourceRepository sources;

    OwnCredentials(IdentitySourceRepository sources) {
        this.sources = sources;
    }

    void requireInUse() {
        if (sources.find().map(IdentitySource::external).orElse(false)) {
            throw new DomainException(NOT_USED);
        }
    }
}
