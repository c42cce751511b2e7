package dev.gatehouse.core.audit;

/** CloudTrail event sources, named as AWS names the corresponding services. */
public final class EventSource {

    public static final String SIGN_IN = "signin.amazonaws.com";
    public static final String SSO_OIDC = "sso-oauth.amazonaws.com";
    /**
     * The access portal's calls (GetRoleCredentials, Logout), named after the portal API's endpoint
     * ({@code portal.sso.<region>.amazonaws.com}) so that they stay apart from administration, which is
     * {@link #SSO_ADMIN}'s; events written before this change carry {@code sso.amazonaws.com}.
     */
    public static final String PORTAL = "portal.sso.amazonaws.com";
    public static final String IDENTITY_STORE = "identitystore.amazonaws.com";
    /** Permission sets, assignments and instance administration, from the console, the command or the API. */
    public static final String SSO_ADMIN = "sso.amazonaws.com";
    public static final String ORGANIZATIONS = "organizations.amazonaws.com";
    public static final String STS = "sts.amazonaws.com";
    /** Gatehouse's own authorization API for services (service credentials); AWS has no counterpart. */
    public static final String AUTHZ = "authz.gatehouse.dev";

    private EventSource() {
    }
}
