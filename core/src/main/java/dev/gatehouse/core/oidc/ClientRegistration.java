package dev.gatehouse.core.oidc;

import java.time.Instant;
import java.util.List;

/** An OIDC public client (RegisterClient). Only the hash of its secret is kept. */
public record ClientRegistration(String clientId, String secretHash, String clientName, String clientType,
                                 List<String> scopes, List<String> grantTypes, List<String> redirectUris,
                                 String issuerUrl, Instant issuedAt, Instant expiresAt) {

    public ClientRegistration {
        scopes = List.copyOf(scopes);
        grantTypes = List.copyOf(grantTypes);
        redirectUris = List.copyOf(redirectUris);
    }

    /** Refresh tokens go only to registrations that asked for scopes, as in AWS. */
    public boolean receivesRefreshTokens() {
        return !scopes.isEmpty();
    }
}
