package dev.gatehouse.server.web.view.admin;

/**
 * The simulate form as typed.
 *
 * @param as              {@code user} (a user's role: user, account, permission set) or {@code policies} (the
 *                        managed policies, inline policy and boundary given here)
 * @param managedPolicies one AWS managed policy name per line
 * @param context         one {@code key=value} per line; a key on two lines has both values
 */
public record SimulateForm(String as, String user, String account, String permissionSet, String managedPolicies,
                           String inlinePolicy, String permissionsBoundary, String action, String resource,
                           String context) {

    public static final String AS_USER = "user";
    public static final String AS_POLICIES = "policies";

    public boolean asUser() {
        return !AS_POLICIES.equals(as);
    }
}
