package dev.gatehouse.core.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who did something, rendered as CloudTrail's {@code userIdentity}. */
public record Actor(String type, String userId, String userName) {

    /** The operator running {@code gatehouse-server admin} on the server's machine. */
    public static Actor administratorCli() {
        return new Actor("GatehouseAdministrator", null, "gatehouse-admin");
    }

    public static Actor user(String userId, String userName) {
        return new Actor("IdentityCenterUser", userId, userName);
    }

    /** Someone not yet identified, e.g. during a failed sign-in. */
    public static Actor unknown(String claimedUserName) {
        return new Actor("Unknown", null, claimedUserName);
    }

    /** An OAuth client acting before any user is known (RegisterClient, device polling). */
    public static Actor client(String clientId) {
        return new Actor("OAuthClient", clientId, null);
    }

    /** The external identity provider, creating or updating a user at sign-in (just-in-time provisioning). */
    public static Actor identityProvider(String issuer) {
        return new Actor("ExternalIdentityProvider", null, issuer);
    }

    /** An automation calling the administration APIs with a service credential. */
    public static Actor serviceCredential(String accessKeyId, String name) {
        return new Actor("GatehouseServiceCredential", accessKeyId, name);
    }

    /**
     * A person calling with role credentials Gatehouse issued, as CloudTrail names an assumed-role session.
     *
     * @param principalId {@code AROA…:userName}, STS's UserId
     */
    public static Actor assumedRole(String principalId, String userName) {
        return new Actor("AssumedRole", principalId, userName);
    }

    /** Whoever holds the one-time link a fresh installation logs to create its first administrator. */
    public static Actor setupLink() {
        return new Actor("GatehouseSetupLink", null, "first-start-setup");
    }

    Map<String, Object> asUserIdentity() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", type);
        if (userId != null) {
            identity.put("principalId", userId);
        }
        if (userName != null) {
            identity.put("userName", userName);
        }
        return identity;
    }
}
