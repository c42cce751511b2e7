package dev.gatehouse.server.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;

/**
 * What a change did, said once on the page its redirect leads to (post/redirect/get). The redirect carries only
 * the notice's key, so a crafted link can show nothing but these fixed sentences.
 */
enum Notice {
    USER_SAVED("user-saved", "The user was saved."),
    USER_ENABLED("user-enabled", "The user was enabled and can sign in again."),
    USER_DISABLED("user-disabled", "The user was disabled. Their sessions, tokens and credentials stopped working."),
    USER_DELETED("user-deleted", "The user was deleted, with their memberships and assignments."),
    SESSION_REVOKED("session-revoked", "The session was ended. Its tokens and credentials no longer work."),
    SESSIONS_REVOKED("sessions-revoked", "Every session of the user was ended."),
    MEMBER_ADDED("member-added", "Added to the group."),
    MEMBER_REMOVED("member-removed", "Removed from the group. The user's sessions were ended."),
    GROUP_CREATED("group-created", "The group was created."),
    GROUP_DELETED("group-deleted", "The group was deleted, with its memberships and assignments."),
    ACCOUNT_CREATED("account-created", "The account was created."),
    ACCOUNT_DELETED("account-deleted", "The account was deleted, with its assignments."),
    ASSIGNED("assigned", "The permission set was assigned."),
    UNASSIGNED("unassigned", "The assignment was removed. Sessions that relied on it were ended."),
    PERMISSION_SET_CREATED("permission-set-created", "The permission set was created."),
    PERMISSION_SET_SAVED("permission-set-saved", "The permission set was saved. New credentials follow it."),
    PERMISSION_SET_DELETED("permission-set-deleted", "The permission set was deleted, with its assignments."),
    MFA_DEVICE_DELETED("mfa-device-deleted", "The MFA device was deleted. It no longer signs the user in."),
    SCIM_TOKEN_DELETED("scim-token-deleted", "The SCIM token was deleted. Requests with it are refused.");

    static final String PARAMETER = "notice";

    private final String key;
    private final String text;

    Notice(String key, String text) {
        this.key = key;
        this.text = text;
    }

    /** The sentence for a key from the query string; null for none or an unknown key. */
    static String shown(String key) {
        return Arrays.stream(values()).filter(n -> n.key.equals(key)).map(n -> n.text).findFirst().orElse(null);
    }

    /** 303 to {@code path}, which then says this notice. */
    void redirect(Context ctx, String path) {
        ctx.redirect(path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + key, HttpStatus.SEE_OTHER);
    }
}
