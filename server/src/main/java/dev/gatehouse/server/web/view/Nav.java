package dev.gatehouse.server.web.view;

/**
 * The header of the signed-in portal pages: where one is, who is signed in, and the sign-out form.
 *
 * @param csrf          the session's token, for the sign-out form
 * @param administrator whether to offer the admin console
 */
public record Nav(String userName, String csrf, boolean administrator, Section current) {

    /** The portal page being shown, marked for screen readers and highlighted. */
    public enum Section { ACCOUNTS, SESSIONS, MFA }

    public boolean onAccounts() {
        return current == Section.ACCOUNTS;
    }

    public boolean onSessions() {
        return current == Section.SESSIONS;
    }

    public boolean onMfa() {
        return current == Section.MFA;
    }
}
