package dev.gatehouse.store.cache;

import java.util.Locale;

/** The read caches, by what they hold; a name is also how a change notification names its cache. */
public enum CacheName {
    /** Portal sessions by id: revoked through the session repository. */
    SESSIONS,
    /** Browser-session cookie hash to session id: never changes while the session row exists. */
    SESSION_IDS_BY_SECRET,
    /** Access tokens by hash (refresh tokens are never cached: their use must be seen at once). */
    ACCESS_TOKENS,
    USERS,
    /** Whether a user holds a permission set in an account: cleared whole by any assignment or membership change. */
    HOLDINGS,
    PERMISSION_SETS,
    CLIENTS,
    IDENTITY_SOURCE,
    /** Pending device authorizations by device-code hash, for polls: every status change invalidates. */
    DEVICE_AUTHORIZATIONS,
    /** Service credentials by access key id: a deletion is sent to every node like a revocation. */
    SERVICE_CREDENTIALS,
    /** The one principal-tag mapping (attributes for access control). */
    ACCESS_CONTROL_ATTRIBUTES;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CacheName fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
